package io.clusteragent.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Serialized answers, by request path, for as long as the state they were derived from has not
 * changed and the analysis clock is in the same second. Polling clients (dashboards, remediation
 * services asking again) then cost a lookup instead of an analysis, and a change in the cluster is
 * reflected by the very next request.
 *
 * <p>Requests that arrive while the same answer is being computed wait for that computation rather
 * than starting their own: when the clock ticks over a second, fifty clients asking about the same
 * namespace cost one analysis, not fifty. Reads take no lock, so every event loop can serve kept
 * answers at once. Bounded in bytes; least recently used answers go first.
 */
public final class ResponseCache {

    /** Evicting down to this share of the budget, not just under it, keeps eviction rare once the cache is full. */
    private static final double AFTER_EVICTION = 0.9;

    private static final class Entry {
        final long version;
        final long second;
        final Future<Buffer> answer;
        /** Written under the map's lock for this path, so the byte count and the map always agree. */
        int bytes;
        volatile long lastUsed;

        Entry(long version, long second, Future<Buffer> answer, long lastUsed) {
            this.version = version;
            this.second = second;
            this.answer = answer;
            this.lastUsed = lastUsed;
        }

        boolean answers(long version, long second) {
            return this.version == version && this.second == second;
        }
    }

    private final long maxBytes;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong uses = new AtomicLong();

    public ResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The answer for {@code path} derived at {@code version} within {@code second}: the kept one, the
     * one an earlier request is computing, or else a new one from {@code compute}. A failed computation
     * is not kept, so the next request tries again. With a size of zero every request computes its own.
     */
    Future<Buffer> answer(String path, long version, long second, Supplier<Future<Buffer>> compute) {
        if (maxBytes <= 0) {
            return compute.get();
        }
        Entry kept = entries.get(path);
        if (kept != null && kept.answers(version, second)) {
            kept.lastUsed = uses.incrementAndGet();
            return kept.answer;
        }
        Promise<Buffer> promise = Promise.promise();
        Entry fresh = new Entry(version, second, promise.future(), uses.incrementAndGet());
        Entry current = entries.compute(path, (p, previous) -> {
            if (previous != null && previous.answers(version, second)) {
                return previous;
            }
            if (previous != null) {
                bytes.addAndGet(-previous.bytes);
            }
            return fresh;
        });
        if (current != fresh) {
            current.lastUsed = fresh.lastUsed;
            return current.answer;
        }
        compute.get().onComplete(result -> {
            if (result.succeeded()) {
                keep(path, fresh, result.result().length());
            } else {
                entries.remove(path, fresh);
            }
            promise.handle(result);
        });
        return fresh.answer;
    }

    /** How many bytes of answers are kept. */
    long size() {
        return bytes.get();
    }

    private void keep(String path, Entry entry, int length) {
        if (length > maxBytes / 4) {
            entries.remove(path, entry);
            return;
        }
        entries.computeIfPresent(path, (p, current) -> {
            if (current == entry) {
                entry.bytes = length;
                bytes.addAndGet(length);
            }
            return current;
        });
        if (bytes.get() > maxBytes) {
            evict();
        }
    }

    private synchronized void evict() {
        if (bytes.get() <= maxBytes) {
            return;
        }
        long target = (long) (maxBytes * AFTER_EVICTION);
        var leastRecentFirst = entries.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue().lastUsed))
                .map(Map.Entry::getKey)
                .toList();
        for (String path : leastRecentFirst) {
            if (bytes.get() <= target) {
                return;
            }
            entries.computeIfPresent(path, (p, entry) -> {
                bytes.addAndGet(-entry.bytes);
                return null;
            });
        }
    }
}
