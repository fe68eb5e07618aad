package io.clusteragent.analysis.scheduling;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import static io.clusteragent.analysis.scheduling.NodeEvaluationTest.analyze;
import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.*;
import static io.clusteragent.analysis.scheduling.SchedulingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class VolumeAndPodAffinityEvaluationTest {

    @Test
    void unboundImmediateClaimRejectsEveryNode() {
        PodScheduling result = analyze(
                podWithClaim("data"),
                readyNode("node-a", "4", "8Gi"),
                readyNode("node-b", "4", "8Gi"),
                claim("data", null, "Pending").build());

        assertThat(result.failureSummary()).singleElement().satisfies(s -> {
            assertThat(s.category()).isEqualTo(UnboundPersistentVolumeClaim);
            assertThat(s.nodes()).containsExactly("node-a", "node-b");
        });
        assertThat(result.unschedulableNodes().get(0).reasons())
                .containsExactly("PersistentVolumeClaim data is not bound (phase: Pending)");
    }

    @Test
    void missingClaimIsUnboundPersistentVolumeClaim() {
        PodScheduling result = analyze(podWithClaim("data"), readyNode("node-a", "4", "8Gi"));

        assertThat(result.unschedulableNodes().get(0).reasons())
                .containsExactly("persistentvolumeclaim \"data\" not found");
        assertThat(result.failureCategories()).containsExactly(UnboundPersistentVolumeClaim);
    }

    @Test
    void claimWaitingForFirstConsumerIsNotAFailure() {
        PersistentVolumeClaim waiting = claim("data", null, "Pending").build();
        Event wait = new EventBuilder()
                .withNewMetadata()
                .withName("data.wffc")
                .withNamespace("default")
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("PersistentVolumeClaim")
                .withNamespace("default")
                .withName("data")
                .endInvolvedObject()
                .withType("Normal")
                .withReason("WaitForFirstConsumer")
                .withMessage("waiting for first consumer to be created before binding")
                .build();

        PodScheduling result = analyze(podWithClaim("data"), readyNode("node-a", "4", "8Gi"), waiting, wait);

        assertThat(result.unschedulableNodes()).isEmpty();
        assertThat(result.failureCategories()).isEmpty();
    }

    @Test
    void volumeNodeAffinityOutsideTheNodesZoneIsVolumeNodeAffinityConflict() {
        Node zoneB = node("node-b", "4", "8Gi")
                .editMetadata()
                .addToLabels("topology.kubernetes.io/zone", "zone-b")
                .endMetadata()
                .build();

        PodScheduling result = analyze(
                podWithClaim("data"),
                readyNode("node-a", "4", "8Gi"),
                zoneB,
                claim("data", "pv-1", "Bound").build(),
                volumeInZone("pv-1", "zone-a"));

        assertThat(result.unschedulableNodes()).singleElement().satisfies(node -> {
            assertThat(node.nodeName()).isEqualTo("node-b");
            assertThat(node.categories()).containsExactly(VolumeNodeAffinityConflict);
            assertThat(node.reasons())
                    .containsExactly("PersistentVolume pv-1 (claim data) node affinity doesn't match the node: "
                            + "topology.kubernetes.io/zone In [zone-a] (node has zone-b)");
        });
    }

    @Test
    void boundReadWriteOnceClaimDoesNotRejectAnyNode() {
        PersistentVolumeClaim rwo = claim("data", "pv-1", "Bound")
                .editSpec()
                .withAccessModes("ReadWriteOnce")
                .endSpec()
                .editStatus()
                .withAccessModes("ReadWriteOnce")
                .endStatus()
                .build();
        PersistentVolume volume = new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName("pv-1")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build();

        PodScheduling result = analyze(
                podWithClaim("data"), readyNode("node-a", "4", "8Gi"), readyNode("node-b", "4", "8Gi"), rwo, volume);

        assertThat(result.unschedulableNodes()).isEmpty();
    }

    @Test
    void requiredAntiAffinityRejectsOnlyTheNodesInTheMatchingPodsTopologyDomain() {
        Pod replica = new PodBuilder(runningPod("web-1", "node-a", "100m", "64Mi"))
                .editMetadata()
                .addToLabels("app", "web")
                .endMetadata()
                .build();
        Node otherZone = node("node-c", "4", "8Gi")
                .editMetadata()
                .addToLabels("topology.kubernetes.io/zone", "zone-b")
                .endMetadata()
                .build();

        PodScheduling byHost = analyze(
                withAntiAffinity("kubernetes.io/hostname"),
                readyNode("node-a", "4", "8Gi"),
                readyNode("node-b", "4", "8Gi"),
                otherZone,
                replica);
        PodScheduling byZone = analyze(
                withAntiAffinity("topology.kubernetes.io/zone"),
                readyNode("node-a", "4", "8Gi"),
                readyNode("node-b", "4", "8Gi"),
                otherZone,
                replica);

        assertThat(byHost.failureSummary().get(0).nodes()).containsExactly("node-a");
        assertThat(byHost.unschedulableNodes().get(0).reasons())
                .containsExactly(
                        "required pod anti-affinity: pod default/web-1 matching app=web already runs in kubernetes.io/hostname=node-a");
        assertThat(byZone.failureSummary().get(0).nodes()).containsExactly("node-a", "node-b");
        assertThat(byZone.failureCategories()).containsExactly(PodAffinityConflict);
    }

    @Test
    void requiredAffinityNeedsAMatchingPodInTheSameZone() {
        Pod cache = new PodBuilder(runningPod("cache-1", "node-a", "100m", "64Mi"))
                .editMetadata()
                .addToLabels("app", "cache")
                .endMetadata()
                .build();
        Node otherZone = node("node-b", "4", "8Gi")
                .editMetadata()
                .addToLabels("topology.kubernetes.io/zone", "zone-b")
                .endMetadata()
                .build();
        Pod pending = pendingPod("web", "100m", "64Mi")
                .editSpec()
                .withNewAffinity()
                .withNewPodAffinity()
                .addToRequiredDuringSchedulingIgnoredDuringExecution(
                        term("app", "cache", "topology.kubernetes.io/zone"))
                .endPodAffinity()
                .endAffinity()
                .endSpec()
                .build();

        PodScheduling result = analyze(pending, readyNode("node-a", "4", "8Gi"), otherZone, cache);

        assertThat(result.unschedulableNodes()).singleElement().satisfies(node -> {
            assertThat(node.nodeName()).isEqualTo("node-b");
            assertThat(node.reasons())
                    .containsExactly(
                            "required pod affinity not satisfied: no pod matching app=cache in topology.kubernetes.io/zone=zone-b");
        });
    }

    @Test
    void existingPodsAntiAffinityAgainstThePodRejectsItsNode() {
        Pod loner = new PodBuilder(runningPod("loner", "node-a", "100m", "64Mi"))
                .editSpec()
                .withNewAffinity()
                .withNewPodAntiAffinity()
                .addToRequiredDuringSchedulingIgnoredDuringExecution(term("app", "web", "kubernetes.io/hostname"))
                .endPodAntiAffinity()
                .endAffinity()
                .endSpec()
                .build();

        PodScheduling result = analyze(
                pendingPod("web", "100m", "64Mi").build(),
                readyNode("node-a", "4", "8Gi"),
                readyNode("node-b", "4", "8Gi"),
                loner);

        assertThat(result.unschedulableNodes())
                .singleElement()
                .satisfies(
                        node -> assertThat(node.reasons())
                                .containsExactly(
                                        "existing pod default/loner in kubernetes.io/hostname=node-a has a required anti-affinity that selects this pod"));
    }

    private static Pod withAntiAffinity(String topologyKey) {
        return pendingPod("web-2", "100m", "64Mi")
                .editMetadata()
                .addToLabels("app", "web")
                .endMetadata()
                .editSpec()
                .withNewAffinity()
                .withNewPodAntiAffinity()
                .addToRequiredDuringSchedulingIgnoredDuringExecution(term("app", "web", topologyKey))
                .endPodAntiAffinity()
                .endAffinity()
                .endSpec()
                .build();
    }

    private static PodAffinityTerm term(String key, String value, String topologyKey) {
        return new PodAffinityTermBuilder()
                .withLabelSelector(
                        new LabelSelectorBuilder().addToMatchLabels(key, value).build())
                .withTopologyKey(topologyKey)
                .build();
    }

    private static Pod podWithClaim(String claimName) {
        return pendingPod("db-0", "500m", "1Gi")
                .editSpec()
                .addNewVolume()
                .withName("data")
                .withNewPersistentVolumeClaim()
                .withClaimName(claimName)
                .endPersistentVolumeClaim()
                .endVolume()
                .endSpec()
                .build();
    }

    private static PersistentVolumeClaimBuilder claim(String name, String volumeName, String phase) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .endMetadata()
                .withNewSpec()
                .withVolumeName(volumeName)
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .endStatus();
    }

    private static PersistentVolume volumeInZone(String name, String zone) {
        return new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withNewNodeAffinity()
                .withNewRequired()
                .addNewNodeSelectorTerm()
                .addToMatchExpressions(new NodeSelectorRequirementBuilder()
                        .withKey("topology.kubernetes.io/zone")
                        .withOperator("In")
                        .withValues(zone)
                        .build())
                .endNodeSelectorTerm()
                .endRequired()
                .endNodeAffinity()
                .endSpec()
                .build();
    }
}
