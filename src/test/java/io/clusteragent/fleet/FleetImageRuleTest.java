package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.InvolvedObject;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in fleet rule: the same failure of the same image in 3 clusters within 10 minutes. */
class FleetImageRuleTest {

    private static final String IMAGE = "registry.example/shop/web:1.4.2";

    private final FleetDriver fleet =
            new FleetDriver(new RuleSet(List.of(RuleFile.defaults().named("fleet-image-failures"))));

    @AfterEach
    void close() {
        fleet.close();
    }

    private void failure(String cluster, String image, Duration offset) {
        InvolvedObject pod = new InvolvedObject("Pod", "shop", "web-" + cluster, "uid-" + cluster);
        fleet.send(fleet.event(cluster, pod, "BackOff", 1, offset).withImage(image));
    }

    @Test
    void theThirdClusterFailingWithTheSameImageRaisesOneFleetAnomaly() {
        failure("c1", IMAGE, Duration.ofMinutes(1));
        failure("c1", IMAGE, Duration.ofMinutes(2));
        failure("c2", IMAGE, Duration.ofMinutes(3));
        failure("c3", "registry.example/shop/web:1.4.1", Duration.ofMinutes(3));
        fleet.send(fleet.event("c4", new InvolvedObject("Pod", "shop", "x", "u"), "BackOff", 1, Duration.ofMinutes(3)));
        assertThat(fleet.anomalies())
                .as("another image, or none, is another key")
                .isEmpty();

        failure("c5", IMAGE, Duration.ofMinutes(4));
        failure("c6", IMAGE, Duration.ofMinutes(5));

        List<TestRecord<String, Anomaly>> records = fleet.anomalyRecords();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(Anomaly.FLEET);
            Anomaly anomaly = record.value();
            assertThat(anomaly.clusterId()).isEqualTo(Anomaly.FLEET);
            assertThat(anomaly.clusters()).containsExactly("c1", "c2", "c5");
            assertThat(anomaly.key()).isEqualTo(new AnomalyKey(null, null, null, "BackOff", IMAGE));
            assertThat(anomaly.category()).isEqualTo(Category.Customer);
        });
    }

    @Test
    void clustersInDifferentWindowsDoNotAddUp() {
        failure("c1", IMAGE, Duration.ofMinutes(8));
        failure("c2", IMAGE, Duration.ofMinutes(9));
        failure("c3", IMAGE, Duration.ofMinutes(11));

        assertThat(fleet.anomalies()).isEmpty();
    }

    @Test
    void heartbeatsOfAnyClusterCloseTheFleetWindow() {
        failure("c1", IMAGE, Duration.ofMinutes(8));
        failure("c2", IMAGE, Duration.ofMinutes(9));
        fleet.heartbeat("c9", Duration.ofMinutes(11));

        failure("c3", IMAGE, Duration.ofMinutes(9).plusSeconds(50));

        assertThat(fleet.anomalies()).isEmpty();
    }
}
