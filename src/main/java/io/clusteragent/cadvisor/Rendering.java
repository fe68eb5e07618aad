package io.clusteragent.cadvisor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One reading of the node's cgroups as a scrape serves it, plain and gzip-compressed: both are made once per
 * reading, so a scrape only writes bytes, however many scrapers ask.
 *
 * @param cgroups the pod and container cgroups it reports on
 */
public record Rendering(byte[] text, byte[] gzip, int cgroups) {

    static final Rendering EMPTY = of(new byte[0], 0);

    static Rendering of(byte[] text, int cgroups) {
        return new Rendering(text, gzip(text), cgroups);
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
