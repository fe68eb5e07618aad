package io.clusteragent.kubestate;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A sharded replica must pick exactly the objects kube-state-metrics' replica of the same ordinal would. */
class ShardTest {

    /** dgryski/go-jump jump_test.go: buckets for n = 1, 2, 3, ... */
    @Test
    void jumpHashMatchesThePublishedVectors() {
        assertBuckets(1L, 0, 0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 17, 17);
        assertBuckets(0xdeadbeefL, 0, 1, 2, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 16, 16, 16);
        assertBuckets(0x0ddc0ffeebadf00dL, 0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 15, 15, 15, 15);
        assertBuckets(0L, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static void assertBuckets(long key, int... expected) {
        for (int n = 1; n <= expected.length; n++) {
            assertThat(Shard.jumpHash(key, n)).as("key %x, n %d", key, n).isEqualTo(expected[n - 1]);
        }
    }

    /** FNV-1a 64 reference values (Go's hash/fnv New64a). */
    @Test
    void fnv1a64MatchesTheReference() {
        assertThat(Shard.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(Shard.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(Shard.fnv1a64("foobar")).isEqualTo(0x85944171f73967e8L);
    }

    @Test
    void everyObjectBelongsToExactlyOneOfThreeShards() {
        Shard[] shards = {new Shard(0, 3), new Shard(1, 3), new Shard(2, 3)};
        Map<Integer, Integer> perShard = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            String uid = UUID.nameUUIDFromBytes(("object-" + i).getBytes()).toString();
            int owners = 0;
            for (Shard shard : shards) {
                if (shard.owns(uid)) {
                    owners++;
                    perShard.merge(shard.ordinal(), 1, Integer::sum);
                }
            }
            assertThat(owners).as(uid).isEqualTo(1);
        }
        assertThat(perShard.values()).allSatisfy(count -> assertThat(count).isBetween(800, 1200));
    }

    @Test
    void oneShardOwnsEverything() {
        assertThat(new Shard(0, 1).owns("any")).isTrue();
        assertThat(new Shard(0, 1).owns(null)).isTrue();
    }
}
