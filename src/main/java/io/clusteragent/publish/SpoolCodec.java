package io.clusteragent.publish;

import java.io.IOException;

/**
 * What one spool holds: how an item is written to its file and read back, and the rules of its
 * delivery. The incident spool and the event-record spool differ only in this.
 *
 * @param <T> the spooled item
 */
public interface SpoolCodec<T> {

    byte[] write(T item);

    /** @throws IOException when the bytes are not an item, so the file is set aside */
    T read(byte[] bytes) throws IOException;

    /** Items with the same key are delivered one claim at a time, in the order they were spooled. */
    String orderKey(T item);

    /**
     * An item already spooled under the same key is not written again; null when items are never
     * offered twice, which spares the search.
     */
    default String identity(T item) {
        return null;
    }

    /** Dropped before the others when the spool is full. */
    default boolean expendable(T item) {
        return false;
    }

    /** Logs, in a line with the item's own keys, that a full spool dropped it. */
    void logDropped(T item, int maxEntries);
}
