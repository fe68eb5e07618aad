package io.clusteragent.fleet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in cluster-wide burst rule: one reason in 5 namespaces of one cluster within 5 minutes. */
class ClusterBurstRuleTest {

    private final FleetDriver fleet =
            new FleetDriver(new RuleSet(List.of(RuleFile.defaults().named("cluster-burst"))));

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void alertsOnTheFifthNamespaceOnceWithTheNamespacesInvolved() {
        for (String namespace : List.of("a", "b", "c", "d")) {
            fleet.pod("c1", namespace, "p1", "FailedCreatePodSandBox", 1, Duration.ofMinutes(1));
            fleet.pod("c1", namespace, "p2", "FailedCreatePodSandBox", 3, Duration.ofMinutes(2));
        }
        fleet.pod("c2", "e", "p1", "FailedCreatePodSandBox", 1, Duration.ofMinutes(2));
        fleet.pod("c1", "e", "p1", "Unhealthy", 1, Duration.ofMinutes(2));
        assertThat(fleet.anomalies())
                .as("four namespaces, or a fifth in another cluster or for another reason")
                .isEmpty();

        fleet.pod("c1", "e", "p1", "FailedCreatePodSandBox", 1, Duration.ofMinutes(3));
        fleet.pod("c1", "f", "p1", "FailedCreatePodSandBox", 1, Duration.ofMinutes(4));

        assertThat(fleet.anomalies()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.clusterId()).isEqualTo("c1");
            assertThat(anomaly.key()).isEqualTo(new AnomalyKey(null, null, null, "FailedCreatePodSandBox", null));
            assertThat(anomaly.count()).isEqualTo(5);
            assertThat(anomaly.namespaces()).containsExactly("a", "b", "c", "d", "e");
        });
    }

    @Test
    void aLateNamespaceWithinGraceCountsAndOneAfterAHeartbeatClosedTheWindowDoesNot() {
        for (String namespace : List.of("a", "b", "c", "d")) {
            fleet.pod("c1", namespace, "p1", "FailedMount", 1, Duration.ofMinutes(1));
        }
        fleet.heartbeat("c1", Duration.ofMinutes(6));
        fleet.pod("c1", "e", "p1", "FailedMount", 1, Duration.ofMinutes(4));
        assertThat(fleet.anomalies()).as("after grace").isEmpty();

        for (String namespace : List.of("a", "b", "c", "d")) {
            fleet.pod("c1", namespace, "p1", "FailedMount", 1, Duration.ofMinutes(6));
        }
        fleet.heartbeat("c1", Duration.ofMinutes(10).plusSeconds(30));
        fleet.pod("c1", "e", "p1", "FailedMount", 1, Duration.ofMinutes(9));
        assertThat(fleet.anomalies()).as("within grace").hasSize(1);
    }
}
