package io.clusteragent.detect;

import io.clusteragent.cluster.InMemoryClusterState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.clusteragent.detect.Shapes.NOW;
import static io.clusteragent.detect.Shapes.cgroupReading;
import static io.clusteragent.detect.Shapes.metrics;
import static io.clusteragent.detect.Shapes.pod;
import static io.clusteragent.detect.Shapes.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CpuSpikeDetectorTest {

    private static final String POD = "web-7d9c8b6f5-a";
    private static final String APP = "/kubepods/pod-web/app";
    private static final Pod WEB = pod(POD, running("app", 0));

    private final CpuSpikeDetector detector = new CpuSpikeDetector(50.0, 3);

    @Test
    void averageOfTheLastThreeSamplesAboveTheThresholdIsACpuSpike() {
        assertThat(poll(0, "40m")).isEmpty();
        assertThat(poll(1, "60m")).isEmpty();

        List<Finding> findings = poll(2, "80m");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(FindingType.CPU_SPIKE);
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
            assertThat(finding.namespace()).isEqualTo("shop");
            assertThat(finding.resource()).isEqualTo("pod/web-7d9c8b6f5-a");
            assertThat(finding.node()).isEqualTo("node-1");
            assertThat(finding.owner()).isEqualTo("Deployment/web");
            assertThat(finding.message())
                    .isEqualTo(
                            "CPU spike on pod shop/web-7d9c8b6f5-a: 60m on average over the last 3 samples, 1.20x the threshold of 50m");
            assertThat(finding.details())
                    .containsEntry("current_usage", "60m")
                    .containsEntry("threshold", "50m")
                    .containsEntry("samples", "3")
                    .containsEntry("source", "metrics.k8s.io");
        });
    }

    @Test
    void theCgroupCounterRisingFasterThanTheThresholdOverTheLastThreeIntervalsIsACpuSpike() {
        assertThat(read(0, 100.0, "900m")).isEmpty();
        assertThat(read(1, 100.6, "900m")).isEmpty();
        assertThat(read(2, 101.2, "900m")).isEmpty();

        List<Finding> findings = read(3, 102.1);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
            assertThat(finding.message())
                    .isEqualTo(
                            "CPU spike on pod shop/web-7d9c8b6f5-a: 70m on average over the last 30s of the node's cgroup readings, 1.40x the threshold of 50m");
            assertThat(finding.details())
                    .containsEntry("current_usage", "70m")
                    .containsEntry("window", "30s")
                    .containsEntry("source", "cgroup");
        });
    }

    @Test
    void aCgroupCounterRisingSlowerThanTheThresholdIsQuietWhateverMetricsServerSays() {
        for (int i = 0; i < 3; i++) {
            read(i, 100.0 + 0.4 * i, "900m");
        }

        assertThat(read(3, 101.2, "900m")).isEmpty();
    }

    @Test
    void aReadingSeenByTwoCyclesIsOneIntervalNotTwo() {
        read(0, 100.0);
        read(1, 101.0);
        // The next cycle comes before the next reading: a rate needs three intervals, not three cycles.
        Instant later = NOW.plusSeconds(15);
        assertThat(detector.detect(
                        Shapes.input(later, cgroupReading(NOW.plusSeconds(10), POD, APP, null, 101.0, 0L), WEB)))
                .isEmpty();
        assertThat(read(2, 102.0)).isEmpty();

        assertThat(read(3, 103.0))
                .extracting(f -> f.details().get("current_usage"))
                .containsExactly("100m");
    }

    @Test
    void aContainerStartedAgainCountsItsNewCgroupsCounterFromZero() {
        read(0, 100.0);
        read(1, 100.5);
        read(2, 101.0);

        List<Finding> findings = detector.detect(Shapes.input(
                NOW.plusSeconds(30), cgroupReading(NOW.plusSeconds(30), POD, APP + "-2", null, 1.5, 0L), WEB));

        // 0.5 + 0.5 + the new run's 1.5 seconds over 30 seconds.
        assertThat(findings).extracting(f -> f.details().get("current_usage")).containsExactly("83.3m");
    }

    @Test
    void withoutCgroupReadingsMetricsServerIsUsed() {
        poll(0, "90m");
        poll(1, "90m");

        assertThat(poll(2, "90m"))
                .singleElement()
                .satisfies(finding -> assertThat(finding.details()).containsEntry("source", "metrics.k8s.io"));
    }

    private List<Finding> read(int index, double cpuSeconds, String metricsServerCpu) {
        Instant at = NOW.plusSeconds(10L * index);
        return detector.detect(Shapes.input(
                at,
                cgroupReading(at, POD, APP, null, cpuSeconds, 0L),
                WEB,
                metrics(POD, at.toString(), metricsServerCpu, "100Mi")));
    }

    private List<Finding> read(int index, double cpuSeconds) {
        Instant at = NOW.plusSeconds(10L * index);
        return detector.detect(Shapes.input(at, cgroupReading(at, POD, APP, null, cpuSeconds, 0L), WEB));
    }

    @Test
    void onlyTheLastWindowOfSamplesCounts() {
        poll(0, "900m");
        poll(1, "10m");
        poll(2, "10m");

        assertThat(poll(3, "10m")).isEmpty();
    }

    @Test
    void aSampleSeenAgainAtTheNextPollIsCountedOnce() {
        var sample = metrics(WEB.getMetadata().getName(), "2024-05-01T12:00:00Z", "90m", "100Mi");
        for (int poll = 0; poll < 3; poll++) {
            assertThat(detector.detect(Shapes.input(NOW.plusSeconds(30L * poll), WEB, sample)))
                    .isEmpty();
        }
    }

    @Test
    void everyOffendingPodIsReportedNotOnlyTheFirst() {
        CpuSpikeDetector oneSample = new CpuSpikeDetector(50.0, 1);
        Pod second = pod("web-7d9c8b6f5-b", running("app", 0));
        Pod quiet = pod("web-7d9c8b6f5-c", running("app", 0));

        List<Finding> findings = oneSample.detect(Shapes.input(
                NOW,
                WEB,
                second,
                quiet,
                metrics("web-7d9c8b6f5-a", "2024-05-01T12:00:00Z", "95m", "1Mi"),
                metrics("web-7d9c8b6f5-b", "2024-05-01T12:00:00Z", "80m", "1Mi"),
                metrics("web-7d9c8b6f5-c", "2024-05-01T12:00:00Z", "12m", "1Mi")));

        assertThat(findings)
                .extracting(Finding::resource, Finding::severity)
                .containsExactlyInAnyOrder(
                        tuple("pod/web-7d9c8b6f5-a", IncidentSeverity.CRITICAL),
                        tuple("pod/web-7d9c8b6f5-b", IncidentSeverity.CRITICAL));
    }

    @ParameterizedTest(name = "{0} against 50m is {1}")
    @CsvSource({
        "50m, NONE",
        "51m, LOW",
        "54.9m, LOW",
        "55m, MEDIUM",
        "59.9m, MEDIUM",
        "60m, HIGH",
        "74.9m, HIGH",
        "75m, CRITICAL",
        "2, CRITICAL"
    })
    void severityTiersStartExactlyAtOnePointOneOnePointTwoAndOnePointFiveTimesTheThreshold(
            String usage, String expected) {
        List<Finding> findings = new CpuSpikeDetector(50.0, 1)
                .detect(Shapes.input(
                        NOW, WEB, metrics(WEB.getMetadata().getName(), "2024-05-01T12:00:00Z", usage, "1Mi")));

        assertThat(findings.stream().map(f -> f.severity().name()).findFirst().orElse("NONE"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}m average against {1}m is {2}")
    @CsvSource({
        "55.0, 50.0, MEDIUM",
        "60.0, 50.0, HIGH",
        "75.0, 50.0, CRITICAL",
        "110.0, 100.0, MEDIUM",
        "120.0, 100.0, HIGH",
        "150.0, 100.0, CRITICAL",
        "11.0, 10.0, MEDIUM",
        "10.9999, 10.0, LOW"
    })
    void tiersAreExactForAveragesThatAreNotWholeMillicores(
            double average, double threshold, IncidentSeverity expected) {
        assertThat(CpuSpikeDetector.severity(average, threshold)).isEqualTo(expected);
    }

    @Test
    void podsOnOtherNodesAreLeftOutWhenDetectionIsScopedToANode() {
        Pod elsewhere = new PodBuilder(pod("web-7d9c8b6f5-b", running("app", 0)))
                .editSpec()
                .withNodeName("node-2")
                .endSpec()
                .build();
        List<HasMetadata> objects = List.of(
                WEB,
                elsewhere,
                metrics("web-7d9c8b6f5-a", "2024-05-01T12:00:00Z", "95m", "1Mi"),
                metrics("web-7d9c8b6f5-b", "2024-05-01T12:00:00Z", "95m", "1Mi"));

        List<Finding> findings = new CpuSpikeDetector(50.0, 1)
                .detect(new DetectionInput(InMemoryClusterState.of(objects, NOW), NOW, Optional.of("node-1")));

        assertThat(findings).extracting(Finding::resource).containsExactly("pod/web-7d9c8b6f5-a");
    }

    private List<Finding> poll(int index, String cpu) {
        Instant at = NOW.plusSeconds(30L * index);
        return detector.detect(
                Shapes.input(at, WEB, metrics(WEB.getMetadata().getName(), at.toString(), cpu, "100Mi")));
    }
}
