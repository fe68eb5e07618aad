package io.clusteragent.detect;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.config.DetectorSettings;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.clusteragent.detect.Shapes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DetectorsTest {

    private static final ClusterState TROUBLED = load("/detect/troubled-cluster.yaml");
    /** A snapshot holds one metrics sample per pod, so the CPU average is taken over one. */
    private static final DetectorSettings ONE_SAMPLE = new DetectorSettings(
            50.0,
            1,
            90,
            5,
            Duration.ofMinutes(5),
            10,
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            DetectorSettings.DEFAULT_PLATFORM_NAMESPACES,
            Optional.empty());

    @Test
    void everyFindingTypeHasExactlyOneRegisteredDetector() {
        assertThat(Detectors.all(DetectorSettings.defaults()))
                .extracting(Detector::type)
                .containsExactlyInAnyOrder(FindingType.values());
    }

    @Test
    void eachProblemOfTheClusterIsFoundOnceAndNothingElse() {
        CycleResult result = Detectors.run(Detectors.all(ONE_SAMPLE), DetectionInput.of(TROUBLED, NOW, ONE_SAMPLE));

        assertThat(result.failures()).isEmpty();
        assertThat(result.evaluated()).containsExactlyInAnyOrder(FindingType.values());
        assertThat(result.findings())
                .extracting(Finding::type, Finding::namespace, Finding::resource, Finding::severity)
                .containsExactlyInAnyOrder(
                        tuple(
                                FindingType.CPU_SPIKE,
                                "kube-system",
                                "pod/coredns-5d78c9869d-abcde",
                                IncidentSeverity.CRITICAL),
                        tuple(FindingType.MEMORY_HIGH, "shop", "pod/web-7d9c8b6f5-mem", IncidentSeverity.HIGH),
                        tuple(FindingType.OOM_KILLED, "shop", "pod/web-7d9c8b6f5-oom", IncidentSeverity.HIGH),
                        tuple(FindingType.CRASH_LOOP, "shop", "pod/web-7d9c8b6f5-crash", IncidentSeverity.CRITICAL),
                        tuple(FindingType.CRASH_LOOP, "kube-system", "pod/registry-0", IncidentSeverity.CRITICAL),
                        tuple(FindingType.IMAGE_PULL_FAILURE, "shop", "pod/web-7d9c8b6f5-pull", IncidentSeverity.HIGH),
                        tuple(FindingType.POD_PENDING, "shop", "pod/web-7d9c8b6f5-pending", IncidentSeverity.HIGH),
                        tuple(FindingType.NODE_NOT_READY, null, "node/node-2", IncidentSeverity.CRITICAL),
                        tuple(FindingType.NODE_NOT_READY, null, "node/node-3", IncidentSeverity.HIGH),
                        tuple(
                                FindingType.EVENT_BURST,
                                "shop",
                                "pod/report-6c5d4b3a2-mount",
                                IncidentSeverity.CRITICAL));
    }

    @Test
    void ownersAreTheWorkloadsBehindThePods() {
        CycleResult result = Detectors.run(Detectors.all(ONE_SAMPLE), DetectionInput.of(TROUBLED, NOW, ONE_SAMPLE));

        assertThat(result.findings())
                .filteredOn(f -> f.type() == FindingType.CRASH_LOOP)
                .extracting(Finding::owner)
                .containsExactlyInAnyOrder("Deployment/web", "StatefulSet/registry");
    }

    @Test
    void aDetectorThatFailsIsReportedAndDoesNotStopTheOthers() {
        Detector broken = new Detector() {
            @Override
            public FindingType type() {
                return FindingType.MEMORY_HIGH;
            }

            @Override
            public List<Finding> detect(DetectionInput input) {
                throw new IllegalStateException("metrics vanished");
            }
        };

        CycleResult result = Detectors.run(
                List.of(broken, new NodeNotReadyDetector()), DetectionInput.of(TROUBLED, NOW, ONE_SAMPLE));

        assertThat(result.evaluated()).containsExactly(FindingType.NODE_NOT_READY);
        assertThat(result.failures()).containsOnlyKeys(FindingType.MEMORY_HIGH);
        assertThat(result.findings())
                .extracting(Finding::resource)
                .containsExactlyInAnyOrder("node/node-2", "node/node-3");
    }

    @Test
    void detectionScopedToANodeLooksAtThatNodeAndItsPodsOnly() {
        DetectorSettings nodeThree = ONE_SAMPLE.withNodeName("node-3");
        DetectorSettings nodeOne = ONE_SAMPLE.withNodeName("node-1");

        assertThat(Detectors.run(Detectors.all(nodeThree), DetectionInput.of(TROUBLED, NOW, nodeThree))
                        .findings())
                .extracting(Finding::resource)
                .containsExactly("node/node-3");
        assertThat(Detectors.run(Detectors.all(nodeOne), DetectionInput.of(TROUBLED, NOW, nodeOne))
                        .findings())
                .extracting(Finding::resource)
                .doesNotContain("node/node-2", "node/node-3", "pod/web-7d9c8b6f5-pending")
                .contains("pod/web-7d9c8b6f5-crash", "pod/report-6c5d4b3a2-mount", "pod/coredns-5d78c9869d-abcde");
    }

    @Test
    void theNextCycleOverAnUnchangedClusterPublishesNothingNew() {
        List<Detector> detectors = Detectors.all(ONE_SAMPLE);
        IncidentTracker tracker = IncidentTracker.of("demo", ONE_SAMPLE, true);

        List<Notification> first =
                tracker.update(Detectors.run(detectors, DetectionInput.of(TROUBLED, NOW, ONE_SAMPLE)), NOW);
        List<Notification> second = tracker.update(
                Detectors.run(detectors, DetectionInput.of(TROUBLED, NOW.plusSeconds(30), ONE_SAMPLE)),
                NOW.plusSeconds(30));

        assertThat(first).hasSize(10).allMatch(n -> n.version() == 1 && n.status() == IncidentStatus.OPEN);
        assertThat(first)
                .filteredOn(n -> n.category() == Category.Platform)
                .extracting(n -> n.finding().resource())
                .containsExactlyInAnyOrder(
                        "pod/coredns-5d78c9869d-abcde", "pod/registry-0", "node/node-2", "node/node-3");
        assertThat(second).isEmpty();
    }

    private static ClusterState load(String resource) {
        try {
            return new SnapshotLoader()
                    .load(Path.of(DetectorsTest.class.getResource(resource).toURI()), NOW);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
