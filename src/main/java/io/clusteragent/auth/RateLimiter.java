package io.clusteragent.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code perSecond} requests a second, and a burst of as many. The buckets of the
 * callers seen least recently are dropped past {@code maxCallers}, which only gives such a caller a full bucket.
 */
final class RateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perSecond;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long filledAt;

        Bucket(double tokens, long filledAt) {
            this.tokens = tokens;
            this.filledAt = filledAt;
        }
    }

    RateLimiter(int perSecond, int maxCallers, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxCallers;
            }
        };
    }

    /** @return 0 when {@code user} may go on now, else the whole seconds until a request would be let through */
    synchronized long acquire(String user) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(user, u -> new Bucket(perSecond, now));
        double refilled = (now - bucket.filledAt) * perSecond / NANOS_PER_SECOND;
        bucket.tokens = Math.min(perSecond, bucket.tokens + refilled);
        bucket.filledAt = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
    }
}
