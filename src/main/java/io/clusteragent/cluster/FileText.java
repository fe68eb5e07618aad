package io.clusteragent.cluster;

import java.io.IOException;
import java.io.Reader;
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
 * Finds places in a file that a parser refused without saying where: the first byte that is not
 * UTF-8, the line and column of a character offset. Only run once the parse has failed, so a good
 * file pays nothing for it.
 */
final class FileText {

    private static final int CHUNK = 1 << 16;

    private FileText() {}

    /** "line 4, column 9" for the character (UTF-16 unit) at {@code index}, counted from 0. */
    static String lineAndColumn(Path file, long index) throws IOException {
        long line = 1;
        long column = 1;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < index; i++) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                line += c == '\n' ? 1 : 0;
                column = c == '\n' ? 1 : column + 1;
            }
        }
        return "line " + line + ", column " + column;
    }

    /** "byte 0x9f at offset 1234 (line 5)", or empty when the whole file decodes. */
    static Optional<String> firstInvalidByte(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
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
                    return Optional.of(String.format(
                            "byte 0x%02x at offset %d (line %d)", bad, consumed + bytes.position(), line));
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
