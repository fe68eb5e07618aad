package io.clusteragent.analysis.scheduling;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.Rfc3339;
import io.clusteragent.analysis.events.ObservedEvent;
import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Explains where a pod was placed and why, or why it cannot be placed. A pending pod is judged from
 * two sources, reconciled by {@link FailureReconciler}: the agent's evaluation of every cached node and
 * the scheduler's latest FailedScheduling message.
 */
public final class SchedulingAnalyzer {

    private SchedulingAnalyzer() {}

    public static PodScheduling analyze(Pod pod, ClusterState state, Instant now) {
        SchedulingEvents events = SchedulingEvents.of(pod, state);
        String nodeName = pod.getSpec().getNodeName();
        if (nodeName != null && !nodeName.isEmpty()) {
            return scheduled(pod, nodeName, state, events);
        }
        return pending(pod, state, events, now);
    }

    private static PodScheduling scheduled(Pod pod, String nodeName, ClusterState state, SchedulingEvents events) {
        List<String> reasons = PlacementExplanation.reasons(pod, state.node(nodeName), state);
        List<FailureSummary> volumeFailures = FailureReconciler.fromEvents(volumeFindings(events, List.of(nodeName)));
        List<FailureSummary> failures = volumeFailures.isEmpty() ? null : volumeFailures;
        PodSpec spec = pod.getSpec();
        return new PodScheduling(
                PodScheduling.SCHEDULED,
                nodeName,
                null,
                schedulerName(spec),
                spec.getNodeSelector(),
                spec.getTolerations(),
                spec.getAffinity(),
                priority(spec),
                priorityClassName(spec),
                reasons,
                failures == null ? null : categories(failures),
                failures,
                null,
                null,
                null,
                null,
                events.view());
    }

    private static PodScheduling pending(Pod pod, ClusterState state, SchedulingEvents events, Instant now) {
        List<NodeEvaluation> evaluations = NodeEvaluator.evaluate(pod, state);
        FailedSchedulingMessage message = events.latestFailedScheduling()
                .map(event -> FailedSchedulingMessage.parse(event.message()))
                .orElse(null);
        List<FailureSummary> summary =
                FailureReconciler.summarize(evaluations, message, volumeFindings(events, List.of()));
        List<UnschedulableNode> unschedulable = evaluations.stream()
                .filter(e -> !e.fits())
                .map(NodeEvaluation::view)
                .toList();
        PodSpec spec = pod.getSpec();
        String status = pod.getStatus() != null
                        && PodScheduling.FAILED.equals(pod.getStatus().getPhase())
                ? PodScheduling.FAILED
                : PodScheduling.PENDING;
        String nominated =
                pod.getStatus() == null ? null : emptyToNull(pod.getStatus().getNominatedNodeName());
        return new PodScheduling(
                status,
                null,
                nominated,
                schedulerName(spec),
                spec.getNodeSelector(),
                spec.getTolerations(),
                spec.getAffinity(),
                priority(spec),
                priorityClassName(spec),
                null,
                categories(summary),
                summary,
                unschedulable,
                message,
                evaluations.size(),
                pendingFor(pod, now),
                events.view());
    }

    /** Categories from volume events that are still current, attributed to {@code nodes} (the pod's node, if any). */
    private static Map<SchedulingFailureCategory, List<String>> volumeFindings(
            SchedulingEvents events, List<String> nodes) {
        Map<SchedulingFailureCategory, List<String>> findings = new EnumMap<>(SchedulingFailureCategory.class);
        for (ObservedEvent event : events.currentVolumeFailures()) {
            PodEventPattern.categoryOf(event).ifPresent(category -> findings.put(category, nodes));
        }
        return findings;
    }

    private static List<SchedulingFailureCategory> categories(List<FailureSummary> summary) {
        return summary.stream()
                .map(FailureSummary::category)
                .sorted(Comparator.comparing(Enum::name))
                .toList();
    }

    private static String pendingFor(Pod pod, Instant now) {
        Instant created = Rfc3339.parse(pod.getMetadata().getCreationTimestamp());
        return created == null ? null : HumanDuration.format(Duration.between(created, now));
    }

    private static String schedulerName(PodSpec spec) {
        return spec.getSchedulerName() == null ? SchedulingEvents.DEFAULT_SCHEDULER : spec.getSchedulerName();
    }

    private static int priority(PodSpec spec) {
        return spec.getPriority() == null ? 0 : spec.getPriority();
    }

    private static String priorityClassName(PodSpec spec) {
        return spec.getPriorityClassName() == null ? "" : spec.getPriorityClassName();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
