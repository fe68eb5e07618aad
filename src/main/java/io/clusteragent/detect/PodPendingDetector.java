package io.clusteragent.detect;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.Rfc3339;
import io.clusteragent.analysis.events.ObservedEvent;
import io.clusteragent.analysis.pods.ShortText;
import io.clusteragent.analysis.scheduling.FailedSchedulingMessage;
import io.clusteragent.analysis.scheduling.SchedulingFailureCategory;
import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * pod_pending: a Pending pod the scheduler has marked Unschedulable for longer than the threshold,
 * which scheduling retries and autoscaler scale-ups do not explain. The message names the scheduling
 * categories, read from the PodScheduled condition or else the latest FailedScheduling event.
 * Pods gated by scheduling gates are waiting on purpose and are not reported.
 */
public final class PodPendingDetector implements Detector {

    private static final int MAX_REMEMBERED_MESSAGES = 1_000;

    private final Map<String, Set<SchedulingFailureCategory>> categoriesByMessage = new HashMap<>();

    private static final String UNSCHEDULABLE = "Unschedulable";
    private static final int MESSAGE_LIMIT = 500;

    private final Duration threshold;

    public PodPendingDetector(Duration threshold) {
        this.threshold = threshold;
    }

    @Override
    public FindingType type() {
        return FindingType.POD_PENDING;
    }

    @Override
    public List<Finding> detect(DetectionInput input) {
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : input.pods()) {
            PodCondition scheduled = unschedulable(pod);
            Instant since = scheduled == null ? null : unschedulableSince(pod, scheduled);
            if (since != null && Duration.between(since, input.now()).compareTo(threshold) > 0) {
                findings.add(finding(pod, scheduled, Duration.between(since, input.now()), input.state()));
            }
        }
        return findings;
    }

    private static PodCondition unschedulable(Pod pod) {
        if (pod.getStatus() == null
                || !"Pending".equals(pod.getStatus().getPhase())
                || pod.getStatus().getConditions() == null) {
            return null;
        }
        return pod.getStatus().getConditions().stream()
                .filter(c -> "PodScheduled".equals(c.getType())
                        && "False".equals(c.getStatus())
                        && UNSCHEDULABLE.equals(c.getReason()))
                .findFirst()
                .orElse(null);
    }

    private Finding finding(Pod pod, PodCondition scheduled, Duration pendingFor, ClusterState state) {
        String schedulerMessage = schedulerMessage(pod, scheduled, state);
        Set<SchedulingFailureCategory> categories = categoriesOf(schedulerMessage);
        String categoryNames = categories.stream().map(Enum::name).collect(Collectors.joining(","));
        String message = "Pod " + pod.getMetadata().getNamespace() + "/"
                + pod.getMetadata().getName() + " has been unschedulable for "
                + HumanDuration.format(pendingFor) + " (threshold " + HumanDuration.format(threshold) + ")"
                + (categoryNames.isEmpty() ? "" : ": " + categoryNames.replace(",", ", "))
                + (schedulerMessage.isEmpty() ? "" : ". Scheduler: " + ShortText.of(schedulerMessage, MESSAGE_LIMIT));
        return Finding.of(
                type(),
                IncidentSeverity.HIGH,
                Subject.pod(pod, state),
                message,
                Details.of()
                        .put("reason", UNSCHEDULABLE)
                        .put("pending_for", HumanDuration.format(pendingFor))
                        .put("threshold", HumanDuration.format(threshold))
                        .put("categories", categoryNames)
                        .put("scheduler_message", ShortText.of(schedulerMessage, MESSAGE_LIMIT))
                        .build());
    }

    /** The condition's message, or the newest FailedScheduling event's when the condition has none. */
    private static String schedulerMessage(Pod pod, PodCondition scheduled, ClusterState state) {
        if (scheduled.getMessage() != null && !scheduled.getMessage().isBlank()) {
            return scheduled.getMessage().strip();
        }
        return state.eventsFor(pod).stream()
                .map(ObservedEvent::of)
                .filter(e -> "FailedScheduling".equals(e.reason()))
                .max(Comparator.comparing(ObservedEvent::lastSeen))
                .map(ObservedEvent::message)
                .orElse("");
    }

    /** PodScheduled turns False once, when the first attempt fails; a pod written without the time falls back to its creation. */
    private static Instant unschedulableSince(Pod pod, PodCondition scheduled) {
        Instant transition = Rfc3339.parse(scheduled.getLastTransitionTime());
        return transition != null ? transition : Rfc3339.parse(pod.getMetadata().getCreationTimestamp());
    }

    /**
     * Pending pods of one workload share the scheduler's message, and it stays the same for as long as
     * they wait: parse each message once. Bounded, since messages embed node counts that drift.
     */
    private Set<SchedulingFailureCategory> categoriesOf(String message) {
        if (categoriesByMessage.size() > MAX_REMEMBERED_MESSAGES) {
            categoriesByMessage.clear();
        }
        return categoriesByMessage.computeIfAbsent(message, FailedSchedulingMessage::categoriesOf);
    }
}
