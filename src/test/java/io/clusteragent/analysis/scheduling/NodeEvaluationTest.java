package io.clusteragent.analysis.scheduling;

import io.clusteragent.cluster.InMemoryClusterState;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.*;
import static io.clusteragent.analysis.scheduling.SchedulingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The agent's own evaluation of nodes for a pending pod, one scheduler filter at a time, without any scheduler event. */
class NodeEvaluationTest {

    static final Instant NOW = Instant.parse("2024-05-01T10:30:00Z");

    @Test
    void insufficientCpuCountsRequestsOfPodsAlreadyBoundButNotFinishedOnes() {
        Pod pending = pendingPod("web", "2", "1Gi").build();
        Pod busy = runningPod("batch", "node-a", "3", "1Gi");
        Pod finished = new PodBuilder(runningPod("done", "node-b", "4", "1Gi"))
                .editStatus()
                .withPhase("Succeeded")
                .endStatus()
                .build();

        PodScheduling result =
                analyze(pending, readyNode("node-a", "4", "8Gi"), readyNode("node-b", "4", "8Gi"), busy, finished);

        assertThat(result.unschedulableNodes()).singleElement().satisfies(node -> {
            assertThat(node.nodeName()).isEqualTo("node-a");
            assertThat(node.categories()).containsExactly(InsufficientCPU);
            assertThat(node.insufficientResources())
                    .containsExactly("insufficient cpu (requested: 2, available: 1, allocatable: 4)");
        });
        assertThat(result.failureSummary())
                .singleElement()
                .isEqualTo(new FailureSummary(
                        InsufficientCPU,
                        1,
                        InsufficientCPU.description(),
                        List.of("node-a"),
                        FailureSummary.EVALUATION));
    }

    @Test
    void insufficientMemoryNamesRequestedAvailableAndAllocatable() {
        Pod pending = pendingPod("web", "100m", "2Gi").build();

        PodScheduling result =
                analyze(pending, readyNode("node-a", "4", "8Gi"), runningPod("db", "node-a", "1", "7Gi"));

        assertThat(result.unschedulableNodes().get(0).insufficientResources())
                .containsExactly("insufficient memory (requested: 2Gi, available: 1Gi, allocatable: 8Gi)");
        assertThat(result.failureCategories()).containsExactly(InsufficientMemory);
    }

    @Test
    void sidecarRequestsAreCountedAgainstTheNode() {
        Pod pending = pendingPod("web", "800m", "128Mi")
                .editSpec()
                .addToInitContainers(new ContainerBuilder()
                        .withName("proxy")
                        .withRestartPolicy("Always")
                        .withNewResources()
                        .addToRequests("cpu", new Quantity("300m"))
                        .endResources()
                        .build())
                .endSpec()
                .build();

        PodScheduling result = analyze(pending, readyNode("node-a", "1", "8Gi"));

        assertThat(result.unschedulableNodes().get(0).insufficientResources())
                .containsExactly("insufficient cpu (requested: 1100m, available: 1, allocatable: 1)");
    }

    @Test
    void missingExtendedResourceIsInsufficientExtendedResource() {
        Pod pending = pendingPod("train", "1", "1Gi")
                .editSpec()
                .editFirstContainer()
                .editResources()
                .addToRequests("nvidia.com/gpu", new Quantity("1"))
                .addToLimits("nvidia.com/gpu", new Quantity("1"))
                .endResources()
                .endContainer()
                .endSpec()
                .build();

        PodScheduling result = analyze(pending, readyNode("cpu-node", "8", "32Gi"));

        assertThat(result.failureCategories()).containsExactly(InsufficientExtendedResource);
        assertThat(result.unschedulableNodes().get(0).insufficientResources())
                .containsExactly("insufficient nvidia.com/gpu (requested: 1, available: 0, allocatable: 0)");
    }

    @Test
    void fullNodeIsTooManyPods() {
        var full = node("node-a", "8", "32Gi")
                .editStatus()
                .addToAllocatable("pods", new Quantity("1"))
                .endStatus()
                .build();

        PodScheduling result =
                analyze(pendingPod("web", "100m", "64Mi").build(), full, runningPod("other", "node-a", "100m", "64Mi"));

        assertThat(result.failureCategories()).containsExactly(TooManyPods);
        assertThat(result.unschedulableNodes().get(0).insufficientResources())
                .containsExactly("too many pods (running: 1, allocatable: 1)");
    }

    @Test
    void untoleratedNoScheduleTaintIsTaintTolerationMismatchButPreferNoScheduleIsNot() {
        var tainted = node("gpu-1", "8", "32Gi")
                .editSpec()
                .addToTaints(taint("dedicated", "gpu", "NoSchedule"))
                .endSpec()
                .build();
        var preferred = node("spot-1", "8", "32Gi")
                .editSpec()
                .addToTaints(taint("spot", "true", "PreferNoSchedule"))
                .endSpec()
                .build();

        PodScheduling result = analyze(pendingPod("web", "1", "1Gi").build(), tainted, preferred);

        assertThat(result.unschedulableNodes()).singleElement().satisfies(node -> {
            assertThat(node.nodeName()).isEqualTo("gpu-1");
            assertThat(node.reasons()).containsExactly("untolerated taint dedicated=gpu:NoSchedule");
            assertThat(node.categories()).containsExactly(TaintTolerationMismatch);
        });
    }

    @Test
    void taintIsToleratedByExistsWithEmptyKeyAndByMatchingKeyButNotByWrongValue() {
        var tainted = node("gpu-1", "8", "32Gi")
                .editSpec()
                .addToTaints(taint("dedicated", "gpu", "NoExecute"))
                .endSpec()
                .build();
        var everything = new TolerationBuilder().withOperator("Exists").build();
        var byKey = new TolerationBuilder()
                .withKey("dedicated")
                .withOperator("Exists")
                .withEffect("NoExecute")
                .build();
        var wrongValue = new TolerationBuilder()
                .withKey("dedicated")
                .withOperator("Equal")
                .withValue("db")
                .build();
        var wrongEffect = new TolerationBuilder()
                .withKey("dedicated")
                .withValue("gpu")
                .withEffect("NoSchedule")
                .build();

        assertThat(Stream.of(everything, byKey, wrongValue, wrongEffect)
                        .map(t -> analyze(
                                pendingPod("web", "1", "1Gi")
                                        .editSpec()
                                        .addToTolerations(t)
                                        .endSpec()
                                        .build(),
                                tainted))
                        .map(r -> r.unschedulableNodes().isEmpty()))
                .containsExactly(true, true, false, false);
    }

    @Test
    void requiredNodeAffinityImplementsGtAndLtAsIntegers() {
        var small = node("small", "8", "32Gi")
                .editMetadata()
                .addToLabels("gpu-count", "2")
                .endMetadata()
                .build();
        var large = node("large", "8", "32Gi")
                .editMetadata()
                .addToLabels("gpu-count", "8")
                .endMetadata()
                .build();
        var odd = node("odd", "8", "32Gi")
                .editMetadata()
                .addToLabels("gpu-count", "many")
                .endMetadata()
                .build();

        PodScheduling gt = analyze(withRequiredNodeAffinity("gpu-count", "Gt", "4"), small, large, odd);
        PodScheduling lt = analyze(withRequiredNodeAffinity("gpu-count", "Lt", "4"), small, large, odd);

        assertThat(gt.failureSummary()).singleElement().satisfies(s -> {
            assertThat(s.category()).isEqualTo(NodeAffinityNotMatch);
            assertThat(s.nodes()).containsExactly("odd", "small");
        });
        assertThat(lt.failureSummary().get(0).nodes()).containsExactly("large", "odd");
        assertThat(gt.unschedulableNodes().get(1).reasons())
                .containsExactly("required node affinity not matched: gpu-count Gt [4] (node has 2)");
    }

    @Test
    void nodeSelectorMismatchIsNodeAffinityNotMatch() {
        Pod pending = pendingPod("web", "1", "1Gi")
                .editSpec()
                .addToNodeSelector("disktype", "ssd")
                .endSpec()
                .build();
        var ssd = node("ssd-1", "8", "32Gi")
                .editMetadata()
                .addToLabels("disktype", "ssd")
                .endMetadata()
                .build();

        PodScheduling result = analyze(pending, ssd, readyNode("hdd-1", "8", "32Gi"));

        assertThat(result.unschedulableNodes()).singleElement().satisfies(node -> {
            assertThat(node.nodeName()).isEqualTo("hdd-1");
            assertThat(node.reasons())
                    .containsExactly("node selector disktype=ssd not matched (node has no such label)");
        });
    }

    @Test
    void cordonedNodeIsNodeUnschedulableNotATaintMismatch() {
        var cordoned = node("node-a", "8", "32Gi")
                .editSpec()
                .withUnschedulable(true)
                .addToTaints(taint("node.kubernetes.io/unschedulable", null, "NoSchedule"))
                .endSpec()
                .build();

        PodScheduling result = analyze(pendingPod("web", "1", "1Gi").build(), cordoned);

        assertThat(result.failureCategories()).containsExactly(NodeUnschedulable);
        assertThat(result.unschedulableNodes().get(0).reasons()).contains("node is cordoned (spec.unschedulable=true)");
    }

    @Test
    void notReadyNodeIsNodeNotReadyUnlessThePodToleratesIt() {
        var notReady = node("node-a", "8", "32Gi")
                .editSpec()
                .addToTaints(taint("node.kubernetes.io/not-ready", null, "NoSchedule"))
                .endSpec()
                .editStatus()
                .editFirstCondition()
                .withStatus("False")
                .withReason("KubeletNotReady")
                .withMessage("container runtime network not ready")
                .endCondition()
                .endStatus()
                .build();
        Pod daemon = pendingPod("agent", "100m", "64Mi")
                .editSpec()
                .addToTolerations(new TolerationBuilder()
                        .withKey("node.kubernetes.io/not-ready")
                        .withOperator("Exists")
                        .build())
                .addToTolerations(new TolerationBuilder()
                        .withKey("node.kubernetes.io/unreachable")
                        .withOperator("Exists")
                        .build())
                .endSpec()
                .build();

        PodScheduling result = analyze(pendingPod("web", "1", "1Gi").build(), notReady);

        assertThat(result.failureCategories()).containsExactly(NodeNotReady);
        assertThat(result.unschedulableNodes().get(0).reasons())
                .contains("node is not ready (Ready=False: KubeletNotReady (container runtime network not ready))");
        assertThat(analyze(daemon, notReady).unschedulableNodes()).isEmpty();
    }

    @Test
    void hostPortInUseIsPortConflict() {
        var port = new ContainerPortBuilder()
                .withContainerPort(80)
                .withHostPort(8080)
                .build();
        Pod pending = pendingPod("ingress", "100m", "64Mi")
                .editSpec()
                .editFirstContainer()
                .addToPorts(port)
                .endContainer()
                .endSpec()
                .build();
        Pod holder = new PodBuilder(runningPod("old-ingress", "node-a", "100m", "64Mi"))
                .editSpec()
                .editFirstContainer()
                .addToPorts(port)
                .endContainer()
                .endSpec()
                .build();

        PodScheduling result =
                analyze(pending, readyNode("node-a", "4", "8Gi"), readyNode("node-b", "4", "8Gi"), holder);

        assertThat(result.unschedulableNodes()).singleElement().satisfies(node -> {
            assertThat(node.nodeName()).isEqualTo("node-a");
            assertThat(node.reasons()).containsExactly("host port 8080/TCP already used by pod default/old-ingress");
            assertThat(node.categories()).containsExactly(PortConflict);
        });
    }

    private static Pod withRequiredNodeAffinity(String key, String operator, String value) {
        return pendingPod("train", "1", "1Gi")
                .editSpec()
                .withNewAffinity()
                .withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm()
                .addToMatchExpressions(new NodeSelectorRequirementBuilder()
                        .withKey(key)
                        .withOperator(operator)
                        .withValues(value)
                        .build())
                .endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution()
                .endNodeAffinity()
                .endAffinity()
                .endSpec()
                .build();
    }

    static PodScheduling analyze(Pod pod, HasMetadata... objects) {
        HasMetadata[] all = Stream.concat(Stream.of(pod), Stream.of(objects)).toArray(HasMetadata[]::new);
        return SchedulingAnalyzer.analyze(pod, InMemoryClusterState.of(all), NOW);
    }
}
