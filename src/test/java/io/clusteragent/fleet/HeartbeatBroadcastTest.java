package io.clusteragent.fleet;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.InvolvedObject;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** With several partitions per rule, a heartbeat must reach each, and a counted record only its key's. */
class HeartbeatBroadcastTest {

    private final HeartbeatBroadcast partitioner = new HeartbeatBroadcast();

    @Test
    void aHeartbeatGoesToEveryPartitionAndAnEventWhereItsKeyHashes() {
        EventRecord heartbeat = EventRecord.heartbeat("c1", "test", FleetDriver.T0);
        EventRecord event = new FleetDriver.Records.Builder(
                        "c1", new InvolvedObject("Pod", "shop", "web-1", "u"), "BackOff", "e1", 1, FleetDriver.T0)
                .build();

        assertThat(partitioner.partitions("t", RuleKey.HEARTBEAT, heartbeat, 4)).contains(Set.of(0, 1, 2, 3));
        assertThat(partitioner.partitions("t", new RuleKey("c1", null, null, null, "BackOff", null), event, 4))
                .isEqualTo(Optional.empty());
    }
}
