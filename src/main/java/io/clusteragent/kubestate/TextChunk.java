package io.clusteragent.kubestate;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Bytes of a scrape that stay the same until an object changes (one family's samples of a group of objects, or a
 * family's HELP and TYPE lines), with their deflated form, made by the first gzip scrape that needs it and kept as
 * long as the bytes: a later gzip scrape only copies it. Never modify {@link #bytes()}.
 */
public final class TextChunk {

    static final TextChunk EMPTY = new TextChunk(new byte[0]);

    private final byte[] bytes;
    private volatile Deflated deflated;

    TextChunk(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The text itself, shared: scrapes hand it to the socket without copying it. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    /**
     * The text as raw deflate blocks that neither end the stream nor refer to anything before them, ending byte
     * aligned (a sync flush), so they can sit anywhere in a deflate stream; compressed once, by the first caller.
     * Only scrapes ever wait on this lock.
     */
    Deflated deflated(Deflater deflater) {
        Deflated kept = deflated;
        if (kept == null) {
            synchronized (this) {
                kept = deflated;
                if (kept == null) {
                    kept = deflate(deflater);
                    deflated = kept;
                }
            }
        }
        return kept;
    }

    private Deflated deflate(Deflater deflater) {
        deflater.reset();
        deflater.setInput(bytes);
        byte[] out = new byte[bytes.length / 4 + 64];
        int written = 0;
        while (true) {
            written += deflater.deflate(out, written, out.length - written, Deflater.SYNC_FLUSH);
            if (written < out.length) {
                // A sync flush that did not fill the array has emitted everything, ending byte aligned.
                break;
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Deflated(Arrays.copyOf(out, written), (int) crc.getValue(), Crc32Combination.shift(bytes.length));
    }

    /**
     * Deflate blocks of a text, the CRC-32 of the text as gzip's trailer needs it, and the
     * {@linkplain Crc32Combination#shift shift} that appends that CRC to another.
     */
    record Deflated(byte[] bytes, int crc, int shift) {}
}
