package io.clusteragent.auth;

import io.clusteragent.config.AuthSettings;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Answers of the API server, reused: each for as long as its kind of answer may be (an allowed decision longer
 * than a denied one), the least recently used first out when full. A review in flight is shared, so a burst of
 * identical requests costs one review; a review that fails is forgotten at once, so it is asked again next time.
 */
final class ReviewCache<K, V> {

    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private final Map<K, Entry<V>> entries;
    private final ToLongFunction<V> ttlNanos;
    private final LongSupplier nanoTime;

    private static final class Entry<V> {
        final Future<V> answer;
        long expiresAt = IN_FLIGHT;

        Entry(Future<V> answer) {
            this.answer = answer;
        }
    }

    /**
     * @param capacity entries kept at most
     * @param ttlNanos how long an answer is good for, by the answer
     * @param nanoTime the clock ({@link System#nanoTime} but in tests)
     */
    ReviewCache(int capacity, ToLongFunction<V> ttlNanos, LongSupplier nanoTime) {
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Answers kept AUTH_CACHE_ALLOWED_TTL when {@code favourable}, AUTH_CACHE_DENIED_TTL otherwise. */
    static <K, V> ReviewCache<K, V> forVerdicts(AuthSettings settings, Predicate<V> favourable, LongSupplier nanoTime) {
        return new ReviewCache<>(
                settings.cacheSize(),
                answer -> (favourable.test(answer) ? settings.allowedTtl() : settings.deniedTtl()).toNanos(),
                nanoTime);
    }

    /** The answer for {@code key}: the kept one, the one being asked for, or a new one from {@code review}. */
    Future<V> get(K key, Supplier<Future<V>> review) {
        Promise<V> answer = Promise.promise();
        Entry<V> entry = new Entry<>(answer.future());
        synchronized (entries) {
            Entry<V> kept = entries.get(key);
            if (kept != null && (kept.expiresAt == IN_FLIGHT || kept.expiresAt - nanoTime.getAsLong() > 0)) {
                return kept.answer;
            }
            entries.put(key, entry);
        }
        Future<V> asked;
        try {
            asked = review.get();
        } catch (RuntimeException e) {
            asked = Future.failedFuture(e);
        }
        asked.onComplete(result -> {
            synchronized (entries) {
                if (result.failed()) {
                    entries.remove(key, entry);
                } else {
                    entry.expiresAt = nanoTime.getAsLong() + ttlNanos.applyAsLong(result.result());
                }
            }
            answer.handle(result);
        });
        return answer.future();
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
