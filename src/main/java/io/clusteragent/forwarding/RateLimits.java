package io.clusteragent.forwarding;

import io.clusteragent.config.Rate;
import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.InvolvedObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token buckets per namespace and reason and for the whole cluster, so a cluster-wide failure cannot
 * flood the topic. What they hold back is counted per namespace and reason and sent as one summary
 * per interval, never dropped silently; and the first occurrence of a reason for an object is never
 * held back, so a new problem always shows, however busy the cluster.
 */
final class RateLimits {

    /** Buckets kept; the least recently used is forgotten (it comes back full, erring towards sending). */
    private static final int MAX_BUCKETS = 10_000;
    /** Objects and reasons remembered as seen; one forgotten counts as new again, erring towards sending. */
    private static final int MAX_KNOWN = 100_000;

    private final Rate perReason;
    private final TokenBucket global;
    private final Map<BucketKey, TokenBucket> buckets = lru(MAX_BUCKETS);
    private final Map<String, Boolean> known = lru(MAX_KNOWN);
    private final Map<BucketKey, Held> held = new LinkedHashMap<>();

    RateLimits(Rate perReason, Rate global, long nowNanos) {
        this.perReason = perReason;
        this.global = new TokenBucket(global, nowNanos);
    }

    /** True when the occurrence may be sent; false when it was held back and counted for the next summary. */
    boolean admit(Occurrence occurrence, long nowNanos) {
        BucketKey key = new BucketKey(occurrence.namespace(), occurrence.reason());
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(perReason, nowNanos));
        boolean first =
                known.put(objectKey(occurrence.involvedObject()) + '\u0000' + occurrence.reason(), true) == null;
        boolean tokens = bucket.hasToken(nowNanos) && global.hasToken(nowNanos);
        if (tokens || first) {
            bucket.take();
            global.take();
            return true;
        }
        held.computeIfAbsent(key, k -> new Held(occurrence.category(), occurrence.type()))
                .add(occurrence.occurrences(), occurrence.lastSeen());
        return false;
    }

    /** What was held back since the last call, per namespace and reason, and forgets it. */
    List<Summary> drainHeld() {
        List<Summary> summaries = new ArrayList<>();
        held.forEach((key, h) -> summaries.add(
                new Summary(key.namespace(), key.reason(), h.category, h.type, h.occurrences, h.first, h.last)));
        held.clear();
        return summaries;
    }

    private static String objectKey(InvolvedObject object) {
        return object.uid() != null && !object.uid().isEmpty()
                ? object.uid()
                : object.kind() + '/' + object.namespace() + '/' + object.name();
    }

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /** Occurrences of one reason in one namespace (null: cluster-scoped objects) that the limits held back. */
    record Summary(
            String namespace,
            String reason,
            Category category,
            String type,
            long occurrences,
            Instant first,
            Instant last) {}

    private record BucketKey(String namespace, String reason) {}

    private static final class Held {
        private final Category category;
        private final String type;
        private long occurrences;
        private Instant first;
        private Instant last;

        Held(Category category, String type) {
            this.category = category;
            this.type = type;
        }

        void add(int count, Instant at) {
            occurrences += count;
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
    }
}
