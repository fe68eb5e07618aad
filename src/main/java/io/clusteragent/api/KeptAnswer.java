package io.clusteragent.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The part of a success body that every request for the same answer shares, {@code {"data":...}} without
 * its closing metadata, as it is kept: in direct memory, so Netty hands it to the socket without copying it
 * for each request, and also gzip-compressed, once, for clients that accept it.
 *
 * <p>The compressed form is a gzip stream left open after a sync flush, so each request completes it with
 * its own metadata in a final stored block and the trailer: the shared bytes are compressed once, and no
 * request compresses anything. A stored block is valid deflate for every decoder, and the metadata is a
 * hundred bytes that would not compress anyway.
 */
final class KeptAnswer {

    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** BFINAL set, BTYPE stored: the header of the last block; after a sync flush the stream is byte aligned. */
    private static final int FINAL_STORED_BLOCK = 0x01;

    private static final int[] CRC_TABLE = crcTable();

    private final ByteBuf identity;
    private final ByteBuf gzipped;
    private final int crc;

    private KeptAnswer(ByteBuf identity, ByteBuf gzipped, int crc) {
        this.identity = identity;
        this.gzipped = gzipped;
        this.crc = crc;
    }

    /** Keeps {@code opening}; the compression happens here, so call it off the event loop. */
    static KeptAnswer of(byte[] opening) {
        CRC32 crc = new CRC32();
        crc.update(opening);
        return new KeptAnswer(direct(opening), direct(gzipPrefix(opening)), (int) crc.getValue());
    }

    static KeptAnswer of(String opening) {
        return of(opening.getBytes(StandardCharsets.UTF_8));
    }

    /** The uncompressed opening, to be followed by the request's own closing bytes. */
    Buffer identity() {
        return Buffer.buffer(identity.duplicate());
    }

    /** The compressed opening, to be followed by {@link #gzipTail(Buffer)} of the request's closing bytes. */
    Buffer gzipped() {
        return Buffer.buffer(gzipped.duplicate());
    }

    int identityLength() {
        return identity.readableBytes();
    }

    int gzippedLength() {
        return gzipped.readableBytes();
    }

    /** What the answer holds in memory, both forms. */
    int size() {
        return identityLength() + gzippedLength();
    }

    /**
     * The end of the gzip stream for a body that ends in {@code closing} (at most 64 KiB, a stored block's
     * limit): the final stored block holding it, then the CRC-32 and length of the whole uncompressed body.
     */
    Buffer gzipTail(Buffer closing) {
        int length = closing.length();
        if (length > 0xffff) {
            throw new IllegalArgumentException("a stored block holds at most 65535 bytes, not " + length);
        }
        int bodyCrc = ~crc;
        for (int i = 0; i < length; i++) {
            bodyCrc = CRC_TABLE[(bodyCrc ^ closing.getByte(i)) & 0xff] ^ (bodyCrc >>> 8);
        }
        bodyCrc = ~bodyCrc;
        int total = identityLength() + length;
        return Buffer.buffer(length + 13)
                .appendByte((byte) FINAL_STORED_BLOCK)
                .appendUnsignedShortLE(length)
                .appendUnsignedShortLE(~length & 0xffff)
                .appendBuffer(closing)
                .appendIntLE(bodyCrc)
                .appendIntLE(total);
    }

    private static byte[] gzipPrefix(byte[] opening) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(opening);
            byte[] out = new byte[GZIP_HEADER.length + opening.length / 2 + 64];
            System.arraycopy(GZIP_HEADER, 0, out, 0, GZIP_HEADER.length);
            int written = GZIP_HEADER.length;
            while (true) {
                written += deflater.deflate(out, written, out.length - written, Deflater.SYNC_FLUSH);
                if (written < out.length) {
                    // A sync flush that did not fill the array has emitted everything, ending byte aligned.
                    return Arrays.copyOf(out, written);
                }
                out = Arrays.copyOf(out, out.length * 2);
            }
        } finally {
            deflater.end();
        }
    }

    /**
     * A JDK direct buffer, which the garbage collector frees once no request writes it any more: Netty's own
     * direct buffers are freed only when released, and a kept answer is never released, only forgotten.
     */
    private static ByteBuf direct(byte[] bytes) {
        ByteBuffer memory = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(memory));
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
