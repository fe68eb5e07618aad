package io.clusteragent.detect;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.clusteragent.detect.Shapes.NOW;
import static io.clusteragent.detect.Shapes.pod;
import static io.clusteragent.detect.Shapes.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EventBurstDetectorTest {

    private static final Pod WEB = pod("web-7d9c8b6f5-a", running("app", 0));
    private static final String FAILED_MOUNT =
            "MountVolume.SetUp failed for volume \"config\" : configmap \"web-config\" not found";
    /** The event began long before the window: its first count is a baseline, not a burst. */
    private static final Instant LONG_AGO = NOW.minus(Duration.ofMinutes(20));

    private final EventBurstDetector detector = new EventBurstDetector(10, Duration.ofMinutes(5));

    @Test
    void increasesOfOneEventsCountAreCountedUntilTheyReachTheThreshold() {
        assertThat(poll(NOW, failedMount(5))).isEmpty();
        assertThat(poll(NOW.plusSeconds(60), failedMount(12))).isEmpty();

        List<Finding> findings = poll(NOW.plusSeconds(120), failedMount(20));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(FindingType.EVENT_BURST);
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
            assertThat(finding.resource()).isEqualTo("pod/web-7d9c8b6f5-a");
            assertThat(finding.owner()).isEqualTo("Deployment/web");
            assertThat(finding.message())
                    .isEqualTo("Warning event FailedMount occurred 15 times in the last 5m for pod/web-7d9c8b6f5-a "
                            + "in namespace shop (threshold 10): " + FAILED_MOUNT);
            assertThat(finding.details())
                    .containsEntry("reason", "FailedMount")
                    .containsEntry("occurrences", "15")
                    .containsEntry("threshold", "10")
                    .containsEntry("window", "5m")
                    .containsEntry("involved_object", "Pod/web-7d9c8b6f5-a")
                    .containsEntry("category", "Volume");
        });
    }

    @Test
    void occurrencesOlderThanTheWindowNoLongerCount() {
        poll(NOW, failedMount(5));
        poll(NOW.plusSeconds(60), failedMount(12));

        assertThat(poll(NOW.plusSeconds(420), failedMount(20))).isEmpty();
    }

    @Test
    void threeTimesTheThresholdIsCritical() {
        poll(NOW, failedMount(5));

        assertThat(poll(NOW.plusSeconds(60), failedMount(35)))
                .extracting(Finding::severity)
                .containsExactly(IncidentSeverity.CRITICAL);
    }

    @Test
    void anIncreaseIsCountedOnceHoweverManyPollsSeeIt() {
        poll(NOW, failedMount(5));

        assertThat(poll(NOW.plusSeconds(30), failedMount(20)))
                .extracting(f -> f.details().get("occurrences"))
                .containsExactly("15");
        assertThat(poll(NOW.plusSeconds(60), failedMount(20)))
                .extracting(f -> f.details().get("occurrences"))
                .containsExactly("15");
    }

    @Test
    void anEventFirstSeenWithinTheWindowCountsWhole() {
        Event fresh = Shapes.warning(
                "e2",
                WEB,
                "Unhealthy",
                "Readiness probe failed: HTTP probe failed with statuscode: 503",
                11,
                NOW.minusSeconds(120),
                NOW.minusSeconds(5));

        assertThat(poll(NOW, fresh))
                .extracting(f -> f.details().get("reason"), f -> f.details().get("occurrences"))
                .containsExactly(tuple("Unhealthy", "11"));
    }

    @Test
    void seriesCountIncreasesOfEventsK8sIoEventsAreCounted() {
        Event series3 = schedulerEvent(3);
        poll(NOW, series3);

        assertThat(poll(NOW.plusSeconds(60), schedulerEvent(14)))
                .extracting(f -> f.details().get("occurrences"))
                .containsExactly("11");
    }

    @Test
    void eventsOfOneReasonForOneObjectAddUpAcrossEventObjects() {
        poll(
                NOW,
                failedMount(5),
                Shapes.warning("e3", WEB, "FailedMount", "Unable to attach or mount volumes", 1, LONG_AGO, LONG_AGO));

        List<Finding> findings = poll(
                NOW.plusSeconds(60),
                failedMount(11),
                Shapes.warning("e3", WEB, "FailedMount", "Unable to attach or mount volumes", 5, LONG_AGO, NOW));

        assertThat(findings).extracting(f -> f.details().get("occurrences")).containsExactly("10");
    }

    @Test
    void normalEventsAreNeverABurst() {
        Event pulled = new EventBuilder(failedMount(5))
                .withType("Normal")
                .withReason("Pulled")
                .build();
        poll(NOW, pulled);

        assertThat(poll(
                        NOW.plusSeconds(60),
                        new EventBuilder(pulled).withCount(50).build()))
                .isEmpty();
    }

    private List<Finding> poll(Instant at, Event... events) {
        List<HasMetadata> objects = new ArrayList<>(List.of(events));
        objects.add(WEB);
        return detector.detect(Shapes.input(at, objects));
    }

    private static Event failedMount(int count) {
        return Shapes.warning("e1", WEB, "FailedMount", FAILED_MOUNT, count, LONG_AGO, NOW);
    }

    /** As kube-scheduler writes it on events.k8s.io/v1: eventTime and series, no count and no timestamps. */
    private static Event schedulerEvent(int seriesCount) {
        return new EventBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web-7d9c8b6f5-a.s1")
                .withUid("s1")
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("Pod")
                .withNamespace("shop")
                .withName("web-7d9c8b6f5-a")
                .withUid(WEB.getMetadata().getUid())
                .endInvolvedObject()
                .withType("Warning")
                .withReason("FailedScheduling")
                .withMessage("0/3 nodes are available: 3 Insufficient cpu.")
                .withEventTime(new MicroTime("2024-05-01T11:00:00.000000Z"))
                .withNewSeries()
                .withCount(seriesCount)
                .withLastObservedTime(new MicroTime("2024-05-01T11:59:00.000000Z"))
                .endSeries()
                .withReportingComponent("default-scheduler")
                .build();
    }
}
