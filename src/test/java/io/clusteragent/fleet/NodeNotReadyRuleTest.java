package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.InvolvedObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.clusteragent.fleet.FleetDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The built-in node instability rule: a node reported NotReady 3 times within 10 minutes is flapping. */
class NodeNotReadyRuleTest {

    private final FleetDriver fleet =
            new FleetDriver(new RuleSet(List.of(RuleFile.defaults().named("node-not-ready"))));

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void aFlappingNodeAlertsOncePerWindowAsAPlatformAnomaly() {
        fleet.node("c1", "node-a", "NodeNotReady", 1, Duration.ofMinutes(1));
        fleet.node("c1", "node-a", "NodeNotReady", 1, Duration.ofMinutes(3));
        fleet.node("c1", "node-b", "NodeNotReady", 1, Duration.ofMinutes(3));
        assertThat(fleet.anomalies()).isEmpty();

        fleet.node("c1", "node-a", "NodeNotReady", 1, Duration.ofMinutes(5));
        fleet.node("c1", "node-a", "NodeNotReady", 1, Duration.ofMinutes(7));

        Anomaly anomaly = fleet.anomalies().get(0);
        assertThat(anomaly.key()).isEqualTo(new AnomalyKey(null, "Node", "node-a", null, null));
        assertThat(anomaly.category()).isEqualTo(Category.Platform);
        assertThat(anomaly.windowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(fleet.platform()).containsExactly(anomaly);
        assertThat(fleet.customer()).isEmpty();
    }

    @Test
    void podsMarkedNotReadyWithTheirNodeAreNotNodeFlaps() {
        InvolvedObject pod = new InvolvedObject("Pod", "shop", "web-1", "uid-web-1");
        fleet.send(fleet.event("c1", pod, "NodeNotReady", 5, Duration.ofMinutes(1)));

        assertThat(fleet.anomalies()).isEmpty();
    }

    @Test
    void aQuietClustersHeartbeatsCloseTheWindowBeforeALateFlapArrives() {
        fleet.node("c1", "node-a", "NodeNotReady", 2, Duration.ofMinutes(9));
        fleet.heartbeat("c1", Duration.ofMinutes(11));

        fleet.node("c1", "node-a", "NodeNotReady", 1, Duration.ofMinutes(9).plusSeconds(30));

        assertThat(fleet.anomalies()).isEmpty();
    }
}
