package io.clusteragent.detect;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.clusteragent.detect.Shapes.NOW;
import static io.clusteragent.detect.Shapes.waiting;
import static org.assertj.core.api.Assertions.assertThat;

class PodPendingDetectorTest {

    private static final String INSUFFICIENT_MEMORY = "0/3 nodes are available: 1 node(s) had untolerated taint "
            + "{node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: "
            + "1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";

    private final PodPendingDetector detector = new PodPendingDetector(Duration.ofMinutes(5));

    @Test
    void podUnschedulableLongerThanTheThresholdIsPendingWithTheSchedulingCategories() {
        assertThat(detector.detect(Shapes.input(NOW, unschedulable("2024-05-01T11:40:00Z", INSUFFICIENT_MEMORY))))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.type()).isEqualTo(FindingType.POD_PENDING);
                    assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
                    assertThat(finding.node()).isNull();
                    assertThat(finding.message())
                            .startsWith(
                                    "Pod shop/web-7d9c8b6f5-p has been unschedulable for 20m (threshold 5m): "
                                            + "InsufficientMemory, TaintTolerationMismatch. Scheduler: 0/3 nodes are available");
                    assertThat(finding.details())
                            .containsEntry("pending_for", "20m")
                            .containsEntry("threshold", "5m")
                            .containsEntry("categories", "InsufficientMemory,TaintTolerationMismatch")
                            .containsEntry("reason", "Unschedulable");
                });
    }

    @Test
    void podUnschedulableForLessThanTheThresholdIsNotYetReported() {
        assertThat(detector.detect(Shapes.input(NOW, unschedulable("2024-05-01T11:57:00Z", INSUFFICIENT_MEMORY))))
                .isEmpty();
    }

    @Test
    void withoutAConditionMessageTheLatestFailedSchedulingEventGivesTheCategories() {
        Pod pod = unschedulable("2024-05-01T11:40:00Z", null);
        var event = Shapes.warning(
                "e1",
                pod,
                "FailedScheduling",
                "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
                4,
                Instant.parse("2024-05-01T11:40:00Z"),
                Instant.parse("2024-05-01T11:58:00Z"));

        assertThat(detector.detect(Shapes.input(NOW, pod, event)))
                .singleElement()
                .satisfies(
                        finding -> assertThat(finding.details()).containsEntry("categories", "NodeAffinityNotMatch"));
    }

    @Test
    void scheduledPodWaitingForItsContainersIsNotUnschedulable() {
        Pod creating = new PodBuilder(Shapes.webPod("web-7d9c8b6f5-p").build())
                .editStatus()
                .withPhase("Pending")
                .withConditions(new PodConditionBuilder()
                        .withType("PodScheduled")
                        .withStatus("True")
                        .withLastTransitionTime("2024-05-01T11:00:00Z")
                        .build())
                .withContainerStatuses(waiting("app", "ContainerCreating", "", 0))
                .endStatus()
                .build();

        assertThat(detector.detect(Shapes.input(NOW, creating))).isEmpty();
    }

    @Test
    void podHeldBySchedulingGatesIsWaitingOnPurpose() {
        Pod gated = new PodBuilder(unschedulable(
                        "2024-05-01T11:00:00Z", "Scheduling is blocked due to non-empty scheduling gates"))
                .editStatus()
                .editFirstCondition()
                .withReason("SchedulingGated")
                .endCondition()
                .endStatus()
                .build();

        assertThat(detector.detect(Shapes.input(NOW, gated))).isEmpty();
    }

    private static Pod unschedulable(String since, String message) {
        return new PodBuilder(Shapes.webPod("web-7d9c8b6f5-p").build())
                .editSpec()
                .withNodeName(null)
                .endSpec()
                .editStatus()
                .withPhase("Pending")
                .withConditions(new PodConditionBuilder()
                        .withType("PodScheduled")
                        .withStatus("False")
                        .withReason("Unschedulable")
                        .withMessage(message)
                        .withLastTransitionTime(since)
                        .build())
                .endStatus()
                .build();
    }
}
