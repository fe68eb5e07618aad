package io.clusteragent.kubestate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Assembles one gzip member (RFC 1952) from kept chunks without compressing the large ones again: a deflate
 * stream may be any sequence of blocks, and each chunk's kept blocks refer to nothing before them and end byte
 * aligned, so they are copied in as they are (as pigz joins the pieces it compressed in parallel). Small chunks
 * (HELP and TYPE lines, families of a few objects) would compress poorly alone, so they are compressed here,
 * together, by a deflater that is fully flushed before each kept piece, so that it never refers back across one.
 * The trailer's CRC-32 is combined from the chunks' own. One member, not several concatenated: some decoders
 * (curl, Netty's by default) stop after the first.
 */
final class GzipMember {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** Below this a chunk is compressed with its neighbours rather than on its own. */
    static final int KEPT_FROM = 4096;

    private final List<byte[]> pieces = new ArrayList<>();
    private final Deflater small = new Deflater(Deflater.BEST_SPEED, true);
    private final Deflater kept = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 smallCrc = new CRC32();
    private long smallLength;
    private int crc;
    private byte[] out = new byte[1 << 14];

    private GzipMember() {}

    static List<byte[]> of(List<TextChunk> chunks, long length) {
        GzipMember member = new GzipMember();
        try {
            member.pieces.add(HEADER);
            for (TextChunk chunk : chunks) {
                member.add(chunk);
            }
            member.finish(length);
            return member.pieces;
        } finally {
            member.small.end();
            member.kept.end();
        }
    }

    private void add(TextChunk chunk) {
        if (chunk.length() < KEPT_FROM) {
            small.setInput(chunk.bytes());
            drain(Deflater.NO_FLUSH);
            smallCrc.update(chunk.bytes());
            smallLength += chunk.length();
            return;
        }
        flushSmall();
        TextChunk.Deflated deflated = chunk.deflated(kept);
        pieces.add(deflated.bytes());
        crc = Crc32Combination.combineShifted(crc, deflated.crc(), deflated.shift());
    }

    /** Emits what the small deflater holds, forgetting its history, so a kept piece may follow. */
    private void flushSmall() {
        if (smallLength > 0) {
            drain(Deflater.FULL_FLUSH);
            crc = Crc32Combination.combine(crc, (int) smallCrc.getValue(), smallLength);
            smallCrc.reset();
            smallLength = 0;
        }
    }

    private void finish(long length) {
        flushSmall();
        small.finish();
        int written = 0;
        while (!small.finished()) {
            written += small.deflate(out, written, out.length - written);
            if (written == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
        }
        byte[] tail = Arrays.copyOf(out, written + 8);
        putIntLe(tail, written, crc);
        putIntLe(tail, written + 4, (int) length);
        pieces.add(tail);
    }

    private void drain(int flush) {
        int written = 0;
        while (true) {
            written += small.deflate(out, written, out.length - written, flush);
            if (written < out.length && (flush != Deflater.NO_FLUSH || small.needsInput())) {
                break;
            }
            if (written == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
        }
        if (written > 0) {
            pieces.add(Arrays.copyOf(out, written));
        }
    }

    private static void putIntLe(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }
}
