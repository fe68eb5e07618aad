package io.clusteragent.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the first byte of a file that is not UTF-8. Only run once a parser has already refused the
 * file, so the parse itself pays nothing for it; the parsers' own reports give no usable offset.
 */
final class Utf8Check {

    private static final int CHUNK = 1 << 16;

    private Utf8Check() {
    }

    /** "byte 0x9f at offset 1234 (line 5)", or empty when the whole file decodes. */
    static Optional<String> firstInvalidByte(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long consumed = 0;
        long line = 1;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(bytes) < 0;
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                line += newlines(chars);
                if (result.isError()) {
                    int bad = bytes.get(bytes.position()) & 0xff;
                    return Optional.of(String.format("byte 0x%02x at offset %d (line %d)", bad, consumed + bytes.position(), line));
                }
                consumed += bytes.position();
                bytes.compact();
            }
        }
        return Optional.empty();
    }

    private static int newlines(CharBuffer chars) {
        chars.flip();
        int count = 0;
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                count++;
            }
        }
        chars.clear();
        return count;
    }
}
