package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import io.clusteragent.detect.IncidentSeverity;
import io.clusteragent.eventrecord.InvolvedObject;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.clusteragent.fleet.FleetDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The built-in "more than 10 FailedMount or BackOff occurrences of one pod within 5 minutes" rule. */
class PodFailuresRuleTest {

    private final FleetDriver fleet =
            new FleetDriver(new RuleSet(List.of(RuleFile.defaults().named("pod-failures"))));

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void alertsOnceOnTheOccurrenceThatMakesMoreThanTenAndNotAgainInTheWindow() {
        fleet.pod("c1", "shop", "web-1", "BackOff", 6, Duration.ofSeconds(10));
        fleet.pod("c1", "shop", "web-1", "BackOff", 4, Duration.ofSeconds(20));
        assertThat(fleet.anomalies()).as("10 occurrences are not more than 10").isEmpty();

        fleet.pod("c1", "shop", "web-1", "BackOff", 1, Duration.ofSeconds(30));
        fleet.pod("c1", "shop", "web-1", "BackOff", 5, Duration.ofSeconds(40));
        fleet.pod("c1", "shop", "web-1", "BackOff", 5, Duration.ofMinutes(4));

        List<TestRecord<String, Anomaly>> records = fleet.anomalyRecords();
        assertThat(records).hasSize(1);
        TestRecord<String, Anomaly> record = records.get(0);
        Anomaly anomaly = record.value();
        assertThat(record.key()).isEqualTo("c1");
        assertThat(FleetDriver.header(record, Anomaly.CATEGORY_HEADER)).isEqualTo("Customer");
        assertThat(anomaly.rule()).isEqualTo("pod-failures");
        assertThat(anomaly.clusterId()).isEqualTo("c1");
        assertThat(anomaly.clusters()).containsExactly("c1");
        assertThat(anomaly.key()).isEqualTo(new AnomalyKey("shop", "Pod", "web-1", "BackOff", null));
        assertThat(anomaly.count()).isEqualTo(11);
        assertThat(anomaly.threshold()).isEqualTo(11);
        assertThat(anomaly.severity()).isEqualTo(IncidentSeverity.MEDIUM);
        assertThat(anomaly.category()).isEqualTo(Category.Customer);
        assertThat(anomaly.timestamp()).isEqualTo(T0.plusSeconds(30));
        assertThat(anomaly.windowStart()).isEqualTo(T0);
        assertThat(anomaly.windowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(anomaly.eventUids()).hasSize(3).allMatch(uid -> uid.startsWith("event-"));
        assertThat(anomaly.id()).hasSize(64);
        assertThat(fleet.customer()).containsExactly(anomaly);
        assertThat(fleet.platform()).isEmpty();
    }

    @Test
    void theNextWindowAlertsAgainUnderAnotherId() {
        fleet.pod("c1", "shop", "web-1", "FailedMount", 11, Duration.ofMinutes(1));
        fleet.pod("c1", "shop", "web-1", "FailedMount", 11, Duration.ofMinutes(6));

        List<Anomaly> anomalies = fleet.anomalies();
        assertThat(anomalies).extracting(Anomaly::windowStart).containsExactly(T0, T0.plus(Duration.ofMinutes(5)));
        assertThat(anomalies.get(0).id()).isNotEqualTo(anomalies.get(1).id());
    }

    @Test
    void countsEachPodAndReasonSeparately() {
        fleet.pod("c1", "shop", "web-1", "FailedMount", 6, Duration.ofMinutes(1));
        fleet.pod("c1", "shop", "web-1", "BackOff", 6, Duration.ofMinutes(1));
        fleet.pod("c1", "shop", "web-2", "FailedMount", 6, Duration.ofMinutes(1));
        fleet.pod("c2", "shop", "web-1", "FailedMount", 6, Duration.ofMinutes(1));
        fleet.pod("c1", "shop", "web-1", "Unhealthy", 50, Duration.ofMinutes(1));

        assertThat(fleet.anomalies()).isEmpty();
    }

    @Test
    void summariesCountTheOccurrencesTheyStandFor() {
        InvolvedObject pod = new InvolvedObject("Pod", "shop", "web-1", "uid-web-1");
        fleet.pod("c1", "shop", "web-1", "BackOff", 1, Duration.ofMinutes(1));
        fleet.send(fleet.event("c1", pod, "BackOff", 10, Duration.ofMinutes(2)).asSummary());

        assertThat(fleet.anomalies())
                .singleElement()
                .satisfies(anomaly -> assertThat(anomaly.count()).isEqualTo(11));
    }

    @Test
    void aLateRecordWithinGraceIsCounted() {
        fleet.pod("c1", "shop", "web-1", "BackOff", 10, Duration.ofMinutes(1));
        fleet.heartbeat("c1", Duration.ofSeconds(5 * 60 + 50));

        fleet.pod("c1", "shop", "web-1", "BackOff", 1, Duration.ofMinutes(4));

        assertThat(fleet.anomalies())
                .singleElement()
                .satisfies(anomaly -> assertThat(anomaly.windowStart()).isEqualTo(T0));
    }

    @Test
    void heartbeatsCloseTheWindowOfAQuietClusterSoThatARecordLaterThanGraceIsDropped() {
        fleet.pod("c1", "shop", "web-1", "BackOff", 10, Duration.ofMinutes(1));
        fleet.heartbeat("c1", Duration.ofMinutes(6));

        fleet.pod("c1", "shop", "web-1", "BackOff", 1, Duration.ofMinutes(4));

        assertThat(fleet.anomalies()).isEmpty();
    }

    @Test
    void aRecordThatIsNotAnEventRecordIsSkipped() {
        fleet.sendRaw("c1", "not json".getBytes(StandardCharsets.UTF_8), T0);
        fleet.pod("c1", "shop", "web-1", "BackOff", 11, Duration.ofMinutes(1));

        assertThat(fleet.anomalies()).hasSize(1);
    }
}
