package io.clusteragent.analysis.namespace;

import io.clusteragent.analysis.scheduling.RealSchedulerMessages.RealSchedulerMessage;
import io.clusteragent.analysis.scheduling.SchedulingFailureCategory;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.InsufficientCPU;
import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.InsufficientExtendedResource;
import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.InsufficientMemory;
import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.InsufficientStorage;
import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.TooManyPods;
import static org.assertj.core.api.Assertions.assertThat;

class PodIssueFinderTest {

    /** What more node capacity or smaller requests would fix, as the namespace report promises for ResourceConstraints. */
    private static final Set<SchedulingFailureCategory> SHORTAGES = EnumSet.of(
            InsufficientCPU, InsufficientMemory, InsufficientStorage, InsufficientExtendedResource, TooManyPods);

    @ParameterizedTest
    @MethodSource("io.clusteragent.analysis.scheduling.RealSchedulerMessages#all")
    void anUnschedulablePodIsResourceConstraintsExactlyWhenSomeNodeLacksRoom(RealSchedulerMessage row) {
        IssueType expected = row.expected().keySet().stream().anyMatch(SHORTAGES::contains)
                ? IssueType.ResourceConstraints
                : IssueType.Unschedulable;

        assertThat(issueTypes(unschedulable(row.message()))).containsExactly(expected);
    }

    @Test
    void aFullNodeIsAResourceConstraintThoughTheMessageNeverSaysInsufficient() {
        assertThat(issueTypes(unschedulable("0/2 nodes are available: 2 Too many pods. "
                        + "preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.")))
                .containsExactly(IssueType.ResourceConstraints);
    }

    @Test
    void aTaintWhoseKeySaysInsufficientIsNotAResourceConstraint() {
        assertThat(
                        issueTypes(
                                unschedulable(
                                        "0/3 nodes are available: 3 node(s) had untolerated taint {example.com/insufficient-quota: true}.")))
                .containsExactly(IssueType.Unschedulable);
    }

    @Test
    void aShortageOnSomeNodesAndATaintOnTheOthersIsAResourceConstraint() {
        assertThat(issueTypes(unschedulable(
                        "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
                                + "2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, "
                                + "2 No preemption victims found for incoming pod.")))
                .containsExactly(IssueType.ResourceConstraints);
    }

    private static List<IssueType> issueTypes(Pod pod) {
        return PodIssueFinder.find(pod, List.of(), 5, Duration.ofMinutes(20)).stream()
                .map(PodIssue::type)
                .map(IssueType::valueOf)
                .toList();
    }

    /** A pod kube-scheduler could not place, as it writes the PodScheduled condition. */
    private static Pod unschedulable(String message) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("web-7d9c8b6f5-a")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("nginx")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage(message)
                .endCondition()
                .endStatus()
                .build();
    }
}
