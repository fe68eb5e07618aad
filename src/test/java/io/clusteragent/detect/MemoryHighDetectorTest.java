package io.clusteragent.detect;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.clusteragent.detect.Shapes.NOW;
import static io.clusteragent.detect.Shapes.cgroupReading;
import static io.clusteragent.detect.Shapes.metrics;
import static io.clusteragent.detect.Shapes.pod;
import static io.clusteragent.detect.Shapes.running;
import static org.assertj.core.api.Assertions.assertThat;

class MemoryHighDetectorTest {

    private static final String POD = "web-7d9c8b6f5-a";
    private static final long MI = 1L << 20;
    private static final Pod WEB = pod(POD, running("app", 0));

    private final MemoryHighDetector detector = new MemoryHighDetector(90);

    @Test
    void workingSetAtNinetyPercentOfTheLimitIsMemoryHigh() {
        List<Finding> findings =
                detector.detect(Shapes.input(NOW, WEB, metrics(POD, "2024-05-01T11:59:45Z", "10m", "240Mi")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(FindingType.MEMORY_HIGH);
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.MEDIUM);
            assertThat(finding.resource()).isEqualTo("pod/" + POD);
            assertThat(finding.owner()).isEqualTo("Deployment/web");
            assertThat(finding.message())
                    .isEqualTo(
                            "Container app of pod shop/web-7d9c8b6f5-a uses 240Mi of its 256Mi memory limit (93.8%, threshold 90%)");
            assertThat(finding.details())
                    .containsEntry("container", "app")
                    .containsEntry("current_usage", "240Mi")
                    .containsEntry("memory_limit", "256Mi")
                    .containsEntry("usage_percent", "93.8%")
                    .containsEntry("threshold", "90%")
                    .containsEntry("source", "metrics.k8s.io");
        });
    }

    @Test
    void theNodesCgroupWorkingSetIsJudgedBeforeMetricsServers() {
        List<Finding> findings = detector.detect(Shapes.input(
                NOW,
                cgroupReading(NOW, POD, "/kubepods/app", 250L * MI, 1.0, 0L),
                WEB,
                metrics(POD, "2024-05-01T11:59:45Z", "10m", "10Mi")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
            assertThat(finding.message())
                    .isEqualTo(
                            "Container app of pod shop/web-7d9c8b6f5-a uses 250Mi of its 256Mi memory limit (97.7%, threshold 90%)");
            assertThat(finding.details())
                    .containsEntry("current_usage", "250Mi")
                    .containsEntry("source", "cgroup");
        });
    }

    @Test
    void aCgroupWorkingSetBelowTheThresholdIsQuietWhateverMetricsServerLastSaid() {
        List<Finding> findings = detector.detect(Shapes.input(
                NOW,
                cgroupReading(NOW, POD, "/kubepods/app", 100L * MI, 1.0, 0L),
                WEB,
                metrics(POD, "2024-05-01T11:59:45Z", "10m", "250Mi")));

        assertThat(findings).isEmpty();
    }

    @Test
    void aPodTheCgroupReadingDoesNotHoldIsJudgedByMetricsServer() {
        List<Finding> findings = detector.detect(Shapes.input(
                NOW,
                cgroupReading(NOW, "other-pod", "/kubepods/other", 1L, 1.0, 0L),
                WEB,
                metrics(POD, "2024-05-01T11:59:45Z", "10m", "240Mi")));

        assertThat(findings)
                .singleElement()
                .satisfies(finding -> assertThat(finding.details())
                        .containsEntry("current_usage", "240Mi")
                        .containsEntry("source", "metrics.k8s.io"));
    }

    @ParameterizedTest(name = "{0} of 100Mi is {1}")
    @CsvSource({
        "94371839, NONE", // 90 % less one byte
        "94371840, MEDIUM", // 90 %
        "99614719, MEDIUM", // 95 % less one byte
        "99614720, HIGH", // 95 %
        "102760447, HIGH", // 98 % less one byte
        "102760448, CRITICAL", // 98 %
        "110Mi, CRITICAL"
    })
    void severityStartsAtNinetyFiveAndNinetyEightPercent(String usage, String expected) {
        Pod limited = new PodBuilder(WEB)
                .editSpec()
                .editFirstContainer()
                .editResources()
                .addToLimits("memory", new Quantity("100Mi"))
                .endResources()
                .endContainer()
                .endSpec()
                .build();

        List<Finding> findings =
                detector.detect(Shapes.input(NOW, limited, metrics(POD, "2024-05-01T11:59:45Z", "10m", usage)));

        assertThat(findings.stream().map(f -> f.severity().name()).findFirst().orElse("NONE"))
                .isEqualTo(expected);
    }

    @Test
    void containerWithoutAMemoryLimitIsNotMemoryHighWhateverItUses() {
        Pod unlimited = new PodBuilder(WEB)
                .editSpec()
                .editFirstContainer()
                .withNewResources()
                .endResources()
                .endContainer()
                .endSpec()
                .build();

        assertThat(detector.detect(Shapes.input(NOW, unlimited, metrics(POD, "2024-05-01T11:59:45Z", "10m", "8Gi"))))
                .isEmpty();
    }

    @Test
    void healthyUsageIsSilent() {
        assertThat(detector.detect(Shapes.input(NOW, WEB, metrics(POD, "2024-05-01T11:59:45Z", "10m", "120Mi"))))
                .isEmpty();
    }

    @Test
    void theFullestContainerOfThePodIsReported() {
        Pod twoContainers = new PodBuilder(WEB)
                .editSpec()
                .addNewContainer()
                .withName("proxy")
                .withImage("envoyproxy/envoy:v1.30")
                .withNewResources()
                .addToLimits("memory", new Quantity("100Mi"))
                .endResources()
                .endContainer()
                .endSpec()
                .build();
        PodMetrics usage = new PodMetricsBuilder(metrics(POD, "2024-05-01T11:59:45Z", "10m", "235Mi"))
                .addToContainers(new ContainerMetricsBuilder()
                        .withName("proxy")
                        .withUsage(Map.of("memory", new Quantity("99Mi")))
                        .build())
                .build();

        assertThat(detector.detect(Shapes.input(NOW, twoContainers, usage)))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.details())
                            .containsEntry("container", "proxy")
                            .containsEntry("usage_percent", "99.0%");
                    assertThat(finding.severity()).isEqualTo(IncidentSeverity.CRITICAL);
                });
    }

    @Test
    void metricsOfAPodTheCacheDoesNotHoldAreSkippedForWantOfALimit() {
        assertThat(detector.detect(Shapes.input(NOW, metrics(POD, "2024-05-01T11:59:45Z", "10m", "255Mi"))))
                .isEmpty();
    }
}
