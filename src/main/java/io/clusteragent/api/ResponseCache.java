package io.clusteragent.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Serialized answers, by question (a route and its validated parameters, however the path was
 * spelled), for as long as the state they were derived from has not
 * changed, and for at most a second of the analysis clock, since ages and "last five minutes" move
 * with it. Each answer's second starts when it is computed, so answers about many pods do not all
 * expire at the same tick and the recomputation is spread out. Polling clients (dashboards, remediation
 * services asking again) then cost a lookup instead of an analysis, and a change in the cluster is
 * reflected by the very next request.
 *
 * <p>Requests that arrive while the same answer is being computed wait for that computation rather
 * than starting their own: when an answer expires, fifty clients asking about the same namespace cost
 * one analysis, not fifty. An answer that is only older than its second, about unchanged state, is
 * recomputed ahead: the request that finds it so starts the one recomputation and, like every request
 * until it completes, gets the kept answer, so polling clients never queue behind the clock. A change of
 * state is never served from before it. Reads take no lock, so every event loop can serve kept
 * answers at once. Bounded in bytes; least recently used answers go first.
 */
public final class ResponseCache {

    /** Evicting down to this share of the budget, not just under it, keeps eviction rare once the cache is full. */
    private static final double AFTER_EVICTION = 0.9;

    private static final long MAX_AGE_MILLIS = 1000;

    /** Past this age an answer is not served even while its recomputation runs: the question was not asked for a while. */
    private static final long MAX_STALE_MILLIS = 2 * MAX_AGE_MILLIS;

    private static final class Entry {
        final long version;
        final long computedAt;
        final Future<KeptAnswer> answer;
        /** Written under the map's lock for this question, so the byte count and the map always agree. */
        int bytes;

        volatile long lastUsed;

        /** Set by the one request that starts recomputing this answer ahead. */
        final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(long version, long computedAt, Future<KeptAnswer> answer, long lastUsed) {
            this.version = version;
            this.computedAt = computedAt;
            this.answer = answer;
            this.lastUsed = lastUsed;
        }

        /** A clock that went back (an NTP step) expires the answer rather than extending it. */
        boolean answers(long version, long nowMillis) {
            long age = nowMillis - computedAt;
            return this.version == version && age >= 0 && age < MAX_AGE_MILLIS;
        }

        /** Whether it may still be served while its successor is computed: same state, only the clock moved. */
        boolean outlived(long version, long nowMillis) {
            long age = nowMillis - computedAt;
            return this.version == version && age >= MAX_AGE_MILLIS && age < MAX_STALE_MILLIS && answer.succeeded();
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
     * The answer to {@code question} derived at {@code version}, less than a second old at {@code nowMillis}
     * of the analysis clock: the kept one, the
     * one an earlier request is computing, or else a new one from {@code compute}. A failed computation
     * is not kept, so the next request tries again. With a size of zero every request computes its own.
     */
    Future<KeptAnswer> answer(String question, long version, long nowMillis, Supplier<Future<KeptAnswer>> compute) {
        if (maxBytes <= 0) {
            return compute.get();
        }
        Entry kept = entries.get(question);
        if (kept != null && kept.answers(version, nowMillis)) {
            kept.lastUsed = uses.incrementAndGet();
            return kept.answer;
        }
        if (kept != null && kept.outlived(version, nowMillis)) {
            kept.lastUsed = uses.incrementAndGet();
            if (kept.refreshing.compareAndSet(false, true)) {
                refresh(question, kept, new Entry(version, nowMillis, null, kept.lastUsed), compute);
            }
            return kept.answer;
        }
        Promise<KeptAnswer> promise = Promise.promise();
        Entry fresh = new Entry(version, nowMillis, promise.future(), uses.incrementAndGet());
        Entry current = entries.compute(question, (p, previous) -> {
            if (previous != null && previous.answers(version, nowMillis)) {
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
                keep(question, fresh, result.result().size());
            } else {
                entries.remove(question, fresh);
            }
            promise.handle(result);
        });
        return fresh.answer;
    }

    /**
     * Computes the successor of {@code outlived}; it replaces it when it succeeds, unless something else has
     * replaced it meanwhile. A failure leaves the outlived answer for the next request to retry, until it is
     * too old to serve.
     */
    private void refresh(String question, Entry outlived, Entry successor, Supplier<Future<KeptAnswer>> compute) {
        compute.get().onComplete(result -> {
            if (result.failed()) {
                outlived.refreshing.set(false);
                return;
            }
            Entry fresh = new Entry(
                    successor.version,
                    successor.computedAt,
                    Future.succeededFuture(result.result()),
                    successor.lastUsed);
            Entry current = entries.computeIfPresent(question, (q, kept) -> {
                if (kept != outlived) {
                    return kept;
                }
                bytes.addAndGet(-outlived.bytes);
                return fresh;
            });
            if (current == fresh) {
                keep(question, fresh, result.result().size());
            }
        });
    }

    /** How many bytes of answers are kept. */
    long size() {
        return bytes.get();
    }

    private void keep(String question, Entry entry, int length) {
        if (length > maxBytes / 4) {
            entries.remove(question, entry);
            return;
        }
        entries.computeIfPresent(question, (q, current) -> {
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
        for (String question : leastRecentFirst) {
            if (bytes.get() <= target) {
                return;
            }
            entries.computeIfPresent(question, (q, entry) -> {
                bytes.addAndGet(-entry.bytes);
                return null;
            });
        }
    }
}
