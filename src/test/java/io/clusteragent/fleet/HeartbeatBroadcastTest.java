package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** With several partitions per rule, a heartbeat must reach each, and a counted record only its key's. */
class HeartbeatBroadcastTest {

    private final HeartbeatBroadcast partitioner = new HeartbeatBroadcast();

    @Test
    void aHeartbeatGoesToEveryPartitionAndAnEventWhereItsKeyHashes() {
        Sighting event = new Sighting(1, "c1", "e1", Category.Customer);

        assertThat(partitioner.partitions("t", RuleKey.HEARTBEAT, Sighting.HEARTBEAT, 4))
                .contains(Set.of(0, 1, 2, 3));
        assertThat(partitioner.partitions("t", new RuleKey(null, null, null, null, "BackOff", "img:1"), event, 4))
                .isEqualTo(Optional.empty());
    }
}
