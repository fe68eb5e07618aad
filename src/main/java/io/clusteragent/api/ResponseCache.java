package io.clusteragent.api;

import io.vertx.core.buffer.Buffer;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serialized answers, by request path, for as long as the state they were derived from has not
 * changed and the analysis clock is in the same second. Polling clients (dashboards, remediation
 * services asking again) then cost a lookup instead of an analysis, and a change in the cluster is
 * reflected by the very next request. Bounded in bytes; least recently used answers go first.
 */
public final class ResponseCache {

    private record Entry(long version, long second, Buffer data) {
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public ResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The cached answer for {@code path} derived at {@code version} within {@code second}; null if there is none. */
    synchronized Buffer get(String path, long version, long second) {
        Entry entry = entries.get(path);
        return entry != null && entry.version() == version && entry.second() == second ? entry.data() : null;
    }

    synchronized void put(String path, long version, long second, Buffer data) {
        if (data.length() > maxBytes / 4) {
            return;
        }
        Entry previous = entries.put(path, new Entry(version, second, data));
        bytes += data.length() - (previous == null ? 0 : previous.data().length());
        Iterator<Map.Entry<String, Entry>> oldestFirst = entries.entrySet().iterator();
        while (bytes > maxBytes && oldestFirst.hasNext()) {
            bytes -= oldestFirst.next().getValue().data().length();
            oldestFirst.remove();
        }
    }
}
