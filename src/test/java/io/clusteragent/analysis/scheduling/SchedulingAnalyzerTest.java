package io.clusteragent.analysis.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.clusteragent.analysis.scheduling.NodeEvaluationTest.analyze;
import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.*;
import static io.clusteragent.analysis.scheduling.SchedulingFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Reconciling the scheduler's message with the agent's evaluation, the scheduled branch, and the JSON shape. */
class SchedulingAnalyzerTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void messageOnlyCategoryAppearsWithTheMessagesCountAndNoNodes() {
        Pod pending = pendingPod("web", "100m", "64Mi").build();
        var event = failedScheduling(
                pending,
                "0/3 nodes are available: 3 node(s) didn't match pod topology spread constraints. "
                        + "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
                "2024-05-01T10:05:00.000000Z");

        PodScheduling result = analyze(
                pending, readyNode("a", "4", "8Gi"), readyNode("b", "4", "8Gi"), readyNode("c", "4", "8Gi"), event);

        assertThat(result.status()).isEqualTo("Pending");
        assertThat(result.failureCategories()).containsExactly(TopologySpreadConstraint);
        assertThat(result.failureSummary())
                .containsExactly(new FailureSummary(
                        TopologySpreadConstraint,
                        3,
                        TopologySpreadConstraint.description(),
                        List.of(),
                        FailureSummary.SCHEDULER));
        assertThat(result.unschedulableNodes()).isEmpty();
        assertThat(result.schedulerMessage().totalNodes()).isEqualTo(3);
        assertThat(result.nodesEvaluated()).isEqualTo(3);
    }

    @Test
    void messageCategoryIsNotCopiedOntoNodesTheEvaluationDidNotFlag() {
        Pod pending = pendingPod("web", "100m", "64Mi").build();
        Node master = node("master", "4", "8Gi")
                .editSpec()
                .addToTaints(taint("node-role.kubernetes.io/control-plane", null, "NoSchedule"))
                .endSpec()
                .build();
        var event = failedScheduling(
                pending,
                "0/3 nodes are available: 1 node(s) had untolerated taint "
                        + "{node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod topology spread constraints.",
                "2024-05-01T10:05:00Z");

        PodScheduling result =
                analyze(pending, master, readyNode("w1", "4", "8Gi"), readyNode("w2", "4", "8Gi"), event);

        assertThat(result.unschedulableNodes()).singleElement().satisfies(node -> {
            assertThat(node.nodeName()).isEqualTo("master");
            assertThat(node.categories()).containsExactly(TaintTolerationMismatch);
        });
        assertThat(result.failureSummary())
                .containsExactly(
                        new FailureSummary(
                                TopologySpreadConstraint,
                                2,
                                TopologySpreadConstraint.description(),
                                List.of(),
                                FailureSummary.SCHEDULER),
                        new FailureSummary(
                                TaintTolerationMismatch,
                                1,
                                TaintTolerationMismatch.description(),
                                List.of("master"),
                                FailureSummary.BOTH));
        assertThat(result.failureCategories()).containsExactly(TaintTolerationMismatch, TopologySpreadConstraint);
    }

    @Test
    void evaluationAloneAnswersWhenTheSchedulerHasNotReportedYet() {
        PodScheduling result = analyze(
                pendingPod("web", "100m", "16Gi").build(), readyNode("a", "4", "8Gi"), readyNode("b", "4", "8Gi"));

        assertThat(result.schedulerMessage()).isNull();
        assertThat(result.schedulingEvents()).isEmpty();
        assertThat(result.failureSummary())
                .containsExactly(new FailureSummary(
                        InsufficientMemory,
                        2,
                        InsufficientMemory.description(),
                        List.of("a", "b"),
                        FailureSummary.EVALUATION));
        assertThat(result.pendingFor()).isEqualTo("30m");
    }

    @Test
    void latestFailedSchedulingMessageIsParsedAndEventsAreNewestFirst() {
        Pod pending = pendingPod("web", "100m", "64Mi").build();
        var older = failedScheduling(
                pending, "0/1 nodes are available: 1 Insufficient cpu.", "2024-05-01T10:01:00.000000Z");
        var newer = failedScheduling(
                pending, "0/1 nodes are available: 1 node(s) exceed max volume count.", "2024-05-01T10:09:00.000000Z");
        var unrelated = podEvent(pending, "Normal", "Pulling", "Pulling image", "2024-05-01T10:10:00Z", "kubelet");

        PodScheduling result = analyze(pending, readyNode("a", "4", "8Gi"), older, newer, unrelated);

        assertThat(result.schedulerMessage().reasons())
                .containsExactly(new SchedulerReason(1, "node(s) exceed max volume count", MaxVolumeCount));
        assertThat(result.failureCategories()).containsExactly(MaxVolumeCount);
        assertThat(result.schedulingEvents())
                .extracting(SchedulingEvent::timestamp)
                .containsExactly(Instant.parse("2024-05-01T10:09:00Z"), Instant.parse("2024-05-01T10:01:00Z"));
        assertThat(result.schedulingEvents().get(0).count()).isEqualTo(1);
    }

    @Test
    void clusterWithoutNodesIsNoNodesAvailable() {
        PodScheduling result = analyze(pendingPod("web", "100m", "64Mi").build());

        assertThat(result.failureCategories()).containsExactly(NoNodesAvailable);
        assertThat(result.nodesEvaluated()).isZero();
    }

    @Test
    void podThatFailedBeforePlacementIsFailed() {
        Pod failed = pendingPod("web", "100m", "64Mi")
                .editStatus()
                .withPhase("Failed")
                .endStatus()
                .build();

        assertThat(analyze(failed, readyNode("a", "4", "8Gi")).status()).isEqualTo("Failed");
    }

    @Test
    void scheduledPodExplainsWhyItsNodeFits() {
        Node node = node("node-1", "4", "8Gi")
                .editMetadata()
                .addToLabels("kubernetes.io/os", "linux")
                .endMetadata()
                .editSpec()
                .addToTaints(taint("dedicated", "web", "NoSchedule"))
                .endSpec()
                .build();
        Pod pod = new PodBuilder(runningPod("web", "node-1", "500m", "1Gi"))
                .editSpec()
                .addToNodeSelector("kubernetes.io/os", "linux")
                .addToTolerations(new TolerationBuilder()
                        .withKey("dedicated")
                        .withValue("web")
                        .withEffect("NoSchedule")
                        .build())
                .endSpec()
                .build();
        var scheduled = schedulerEvent(
                pod, "Normal", "Scheduled", "Successfully assigned default/web to node-1", "2024-05-01T10:00:01Z");

        PodScheduling result = analyze(pod, node, runningPod("db", "node-1", "1", "2Gi"), scheduled);

        assertThat(result.status()).isEqualTo("Scheduled");
        assertThat(result.nodeName()).isEqualTo("node-1");
        assertThat(result.schedulingReasons())
                .containsExactly(
                        "Node matched all node selectors: {kubernetes.io/os=linux}",
                        "Pod tolerates node taints: dedicated=web:NoSchedule",
                        "Node has sufficient resources (CPU: 1.5/4 cores, Memory: 3Gi/8Gi, Pods: 2/110)");
        assertThat(result.schedulingEvents())
                .extracting(SchedulingEvent::reason)
                .containsExactly("Scheduled");
        assertThat(result.failureSummary()).isNull();
    }

    @Test
    void scheduledPodStuckOnMultiAttachIsVolumeMultiAttachErrorOnItsNode() {
        Pod pod = runningPod("db-0", "node-1", "500m", "1Gi");
        var multiAttach = podEvent(
                pod,
                "Warning",
                "FailedAttachVolume",
                "Multi-Attach error for volume \"pvc-1\" Volume is already "
                        + "exclusively attached to one node and can't be attached to another",
                "2024-05-01T10:02:00Z",
                "attachdetach-controller");

        PodScheduling result = analyze(pod, readyNode("node-1", "4", "8Gi"), multiAttach);

        assertThat(result.failureCategories()).containsExactly(VolumeMultiAttachError);
        assertThat(result.failureSummary().get(0).nodes()).containsExactly("node-1");
        assertThat(result.schedulingEvents())
                .extracting(SchedulingEvent::reason)
                .containsExactly("FailedAttachVolume");
    }

    @Test
    void pendingJsonKeepsTheDocumentedFieldNames() {
        Pod pending = pendingPod("web", "100m", "16Gi").build();
        var event =
                failedScheduling(pending, "0/1 nodes are available: 1 Insufficient memory.", "2024-05-01T10:05:00Z");

        JsonNode json = JSON.valueToTree(analyze(pending, readyNode("a", "4", "8Gi"), event));

        assertThat(json.fieldNames())
                .toIterable()
                .contains(
                        "status",
                        "failureCategories",
                        "failureSummary",
                        "unschedulableNodes",
                        "schedulingEvents",
                        "schedulerMessage",
                        "nodesEvaluated")
                .doesNotContain("nodeName", "schedulingReasons");
        assertThat(json.get("failureSummary").get(0).fieldNames())
                .toIterable()
                .contains("category", "count", "description", "nodes");
        assertThat(json.get("unschedulableNodes").get(0).fieldNames())
                .toIterable()
                .containsExactly("nodeName", "reasons", "insufficientResources", "categories");
        assertThat(json.get("schedulingEvents").get(0).fieldNames())
                .toIterable()
                .contains("type", "reason", "message", "timestamp", "count");
        assertThat(json.get("schedulingEvents").get(0).get("timestamp").asText())
                .isEqualTo("2024-05-01T10:05:00Z");
    }

    @Test
    void scheduledJsonKeepsTheDocumentedFieldNames() {
        Pod pod = runningPod("web", "node-1", "500m", "1Gi");

        JsonNode json = JSON.valueToTree(analyze(pod, readyNode("node-1", "4", "8Gi")));

        assertThat(json.fieldNames())
                .toIterable()
                .contains(
                        "status",
                        "nodeName",
                        "schedulerName",
                        "nodeSelector",
                        "tolerations",
                        "affinity",
                        "priority",
                        "priorityClassName",
                        "schedulingReasons",
                        "schedulingEvents")
                .doesNotContain("failureSummary", "unschedulableNodes");
        assertThat(json.get("affinity").isNull()).isTrue();
        assertThat(json.get("priorityClassName").asText()).isEmpty();
    }
}
