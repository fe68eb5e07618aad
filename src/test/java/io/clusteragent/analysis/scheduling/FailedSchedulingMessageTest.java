package io.clusteragent.analysis.scheduling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.*;
import static org.assertj.core.api.Assertions.assertThat;

class FailedSchedulingMessageTest {

    @ParameterizedTest(name = "{3}")
    @MethodSource("realSchedulerMessages")
    void realSchedulerMessageParsesToItsCategoriesAndCounts(
            Integer totalNodes,
            Map<SchedulingFailureCategory, Integer> expected,
            int preemptionReasons,
            String message) {
        FailedSchedulingMessage parsed = FailedSchedulingMessage.parse(message);

        assertThat(parsed.totalNodes()).isEqualTo(totalNodes);
        assertThat(parsed.categories()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((category, count) ->
                assertThat(parsed.nodesFailing(category)).as(category.name()).isEqualTo(count));
        assertThat(
                        parsed.preemptionReasons() == null
                                ? 0
                                : parsed.preemptionReasons().size())
                .isEqualTo(preemptionReasons);
        assertThat(parsed.reasons())
                .allSatisfy(reason -> assertThat(reason.reason())
                        .doesNotContain("preemption:")
                        .doesNotEndWith("."));
    }

    static Stream<Arguments> realSchedulerMessages() {
        return RealSchedulerMessages.all().stream()
                .map(row -> Arguments.of(row.totalNodes(), row.expected(), row.preemptionReasons(), row.message()));
    }

    @Test
    void untoleratedControlPlaneTaintIsTaintTolerationMismatch() {
        FailedSchedulingMessage parsed = FailedSchedulingMessage.parse(
                "0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. "
                        + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");

        assertThat(parsed.reasons())
                .containsExactly(new SchedulerReason(
                        1,
                        "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }",
                        TaintTolerationMismatch));
    }

    @Test
    void oldTaintWordingWithItsCommaStaysOneReason() {
        FailedSchedulingMessage parsed = FailedSchedulingMessage.parse(
                "0/3 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate, 2 Insufficient cpu.");

        assertThat(parsed.reasons())
                .extracting(SchedulerReason::reason)
                .containsExactly(
                        "node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate",
                        "Insufficient cpu");
    }

    @Test
    void preemptionSuffixIsParsedSeparatelyAndIsNotAReason() {
        FailedSchedulingMessage parsed =
                FailedSchedulingMessage.parse("0/2 nodes are available: 2 Insufficient memory. "
                        + "preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.");

        assertThat(parsed.reasons()).extracting(SchedulerReason::reason).containsExactly("Insufficient memory");
        assertThat(parsed.preemption())
                .isEqualTo("0/2 nodes are available: 2 No preemption victims found for incoming pod");
        assertThat(parsed.preemptionReasons())
                .containsExactly(new SchedulerReason(2, "No preemption victims found for incoming pod", null));
    }

    @Test
    void reasonWithoutCountAppliesToEveryNode() {
        FailedSchedulingMessage parsed = FailedSchedulingMessage.parse(
                "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.");

        assertThat(parsed.reasons())
                .containsExactly(new SchedulerReason(
                        3, "pod has unbound immediate PersistentVolumeClaims", UnboundPersistentVolumeClaim));
    }

    @Test
    void unknownReasonIsMiscellaneousAndKeepsItsText() {
        FailedSchedulingMessage parsed =
                FailedSchedulingMessage.parse("0/2 nodes are available: 2 node(s) were eaten by a grue.");

        assertThat(parsed.reasons())
                .containsExactly(new SchedulerReason(2, "node(s) were eaten by a grue", Miscellaneous));
    }

    @Test
    void categoriesOfGivesOtherAnalyzersTheSameTable() {
        assertThat(FailedSchedulingMessage.categoriesOf(
                        "0/4 nodes are available: 1 node(s) were unschedulable, 3 Insufficient nvidia.com/gpu."))
                .containsExactlyInAnyOrder(NodeUnschedulable, InsufficientExtendedResource);
        assertThat(FailedSchedulingMessage.categoriesOf(null)).isEmpty();
    }
}
