package io.clusteragent.kubestate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One scrape as the kept chunks it is made of, in order: nothing is copied to make it, and its chunks never
 * change, so it may be written while objects change.
 */
public final class Scrape {

    private final List<TextChunk> chunks;
    private final long length;

    Scrape(List<TextChunk> chunks) {
        this.chunks = List.copyOf(chunks);
        this.length = chunks.stream().mapToLong(TextChunk::length).sum();
    }

    /** The chunks of the text, in order, none empty. */
    public List<TextChunk> chunks() {
        return chunks;
    }

    /** The length of the text, in bytes. */
    public long length() {
        return length;
    }

    /** The text compressed as one gzip member, from the chunks' kept deflated forms. */
    public List<byte[]> gzip() {
        return GzipMember.of(chunks, length);
    }

    public void writeTo(OutputStream out) throws IOException {
        for (TextChunk chunk : chunks) {
            out.write(chunk.bytes());
        }
    }
}
