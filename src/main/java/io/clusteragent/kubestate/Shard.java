package io.clusteragent.kubestate;

import java.nio.charset.StandardCharsets;

/**
 * Which objects this replica renders when {@code TOTAL_SHARDS} splits them, exactly as kube-state-metrics decides
 * ({@code pkg/sharding/listwatch.go}): FNV-1a 64 of the UID string, then Jump Consistent Hash
 * ({@code github.com/dgryski/go-jump}) over the shard count.
 */
record Shard(int ordinal, int total) {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    Shard {
        if (total < 1 || ordinal < 0 || ordinal >= total) {
            throw new IllegalArgumentException("shard " + ordinal + " of " + total);
        }
    }

    boolean owns(String uid) {
        return total == 1 || jumpHash(fnv1a64(uid == null ? "" : uid), total) == ordinal;
    }

    static long fnv1a64(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** Lamping and Veach's jump hash; {@code long} arithmetic wraps as Go's uint64 does. */
    static int jumpHash(long key, int buckets) {
        long bucket = -1;
        long next = 0;
        while (next < buckets) {
            bucket = next;
            key = key * 2862933555777941757L + 1;
            next = (long) ((bucket + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) bucket;
    }
}
