package io.clusteragent.cadvisor;

import io.clusteragent.detect.CgroupReadings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One reading of the node's cgroups: as a scrape serves it, plain and gzip-compressed, and as the detectors judge by
 * it. Both pages are made once per reading and kept in direct memory, so a scrape hands them to the socket without
 * copying them, however many scrapers ask.
 */
public final class Rendering {

    static final Rendering EMPTY = of(new byte[0], 0, Optional.empty());

    private final ByteBuffer text;
    private final ByteBuffer gzip;
    private final int cgroups;
    private final Optional<CgroupReadings> readings;

    private Rendering(ByteBuffer text, ByteBuffer gzip, int cgroups, Optional<CgroupReadings> readings) {
        this.text = text;
        this.gzip = gzip;
        this.cgroups = cgroups;
        this.readings = readings;
    }

    static Rendering of(byte[] text, int cgroups, Optional<CgroupReadings> readings) {
        return new Rendering(direct(text), direct(gzip(text)), cgroups, readings);
    }

    /** The page as a scrape sends it: a view of the kept bytes of its own, to be read once. */
    public ByteBuffer page(boolean gzipped) {
        return (gzipped ? gzip : text).asReadOnlyBuffer();
    }

    /** A copy of the plain page, for readers off the serving path. */
    public byte[] text() {
        return copy(text);
    }

    /** A copy of the gzip-compressed page, for readers off the serving path. */
    public byte[] gzip() {
        return copy(gzip);
    }

    public int textLength() {
        return text.capacity();
    }

    /** The pod and container cgroups it reports on. */
    public int cgroups() {
        return cgroups;
    }

    /** Each container's figures the detectors use; empty when the reading holds no container. */
    public Optional<CgroupReadings> readings() {
        return readings;
    }

    private static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    private static byte[] copy(ByteBuffer kept) {
        byte[] bytes = new byte[kept.capacity()];
        kept.asReadOnlyBuffer().get(bytes);
        return bytes;
    }

    /** The fastest level: metric text is repetitive enough that it already shrinks it about tenfold. */
    private static byte[] gzip(byte[] text) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, text.length / 8));
        try (GZIPOutputStream out = new GZIPOutputStream(compressed, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
