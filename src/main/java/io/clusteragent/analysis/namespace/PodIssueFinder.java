package io.clusteragent.analysis.namespace;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.pods.ContainerSnapshot;
import io.clusteragent.analysis.pods.ContainerStates;
import io.clusteragent.analysis.pods.ShortText;
import io.clusteragent.analysis.pods.Termination;
import io.clusteragent.analysis.scheduling.FailedSchedulingMessage;
import io.clusteragent.analysis.scheduling.SchedulingFailureCategory;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** Finds the {@link IssueType}s of one pod from its status alone. */
final class PodIssueFinder {

    /**
     * Scheduling retries, cluster-autoscaler scale-ups and image pulls routinely keep a healthy pod
     * Pending for a few minutes; only a pod pending longer than this is reported.
     */
    static final Duration PENDING_GRACE = Duration.ofMinutes(5);

    static final int DETAILS_LIMIT = 300;

    private PodIssueFinder() {}

    /**
     * @param restartThreshold HighRestarts is reported when total restarts are strictly above it, as
     *                         the API documents ("restart count above threshold")
     * @param age              time since creation; only read for Pending pods, may be null otherwise or when unknown
     */
    static List<PodIssue> find(Pod pod, List<ContainerSnapshot> containers, int restartThreshold, Duration age) {
        List<PodIssue> issues = new ArrayList<>(2);
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        highRestarts(containers, restartThreshold).ifPresent(issues::add);
        if ("Failed".equals(status.getPhase())) {
            issues.add(PodIssue.of(
                    IssueType.Failed,
                    "Pod is in Failed phase",
                    joinNonEmpty(": ", status.getReason(), status.getMessage())));
            return issues;
        }
        for (ContainerSnapshot container : containers) {
            containerIssues(container, issues);
        }
        if ("Pending".equals(status.getPhase()) && age != null && age.compareTo(PENDING_GRACE) > 0) {
            pendingIssue(status, containers, age, issues.isEmpty()).ifPresent(issues::add);
        }
        return issues;
    }

    private static Optional<PodIssue> highRestarts(List<ContainerSnapshot> containers, int threshold) {
        int total = ContainerStates.totalRestarts(containers);
        if (total <= threshold) {
            return Optional.empty();
        }
        StringJoiner details = new StringJoiner(", ");
        for (ContainerSnapshot container : containers) {
            if (container.restartCount() > 0) {
                details.add(container.name() + (container.init() ? " (init)" : "") + ": " + container.restartCount()
                        + " restarts");
            }
        }
        return Optional.of(PodIssue.of(
                IssueType.HighRestarts,
                "Pod has restarted " + total + " times (threshold: " + threshold + ")",
                details.toString()));
    }

    private static void containerIssues(ContainerSnapshot container, List<PodIssue> issues) {
        Optional<IssueType> waiting = IssueType.forWaitingReason(container.waitingReason());
        if (waiting.isPresent()) {
            Termination last = container.latestTermination();
            issues.add(PodIssue.of(
                    waiting.get(),
                    who(container) + " is in " + container.waitingReason() + " state",
                    joinNonEmpty(
                            "; ",
                            container.waitingMessage(),
                            container.terminationSummary(),
                            last == null || !last.failed() ? null : last.message())));
        }
        if (container.wasOomKilled()) {
            Termination oom = container.current() != null && container.current().oomKilled()
                    ? container.current()
                    : container.last();
            issues.add(PodIssue.of(
                    IssueType.OOMKilled,
                    who(container) + " was OOMKilled",
                    oom.describe(container.name(), container.memoryLimit()) + finishedText(oom)));
        } else if (container.current() != null && container.current().failed() && waiting.isEmpty()) {
            // A container that is down right now; once it loops, CrashLoopBackOff reports it instead.
            Termination down = container.current();
            issues.add(PodIssue.of(
                    IssueType.Failed,
                    who(container) + " terminated: " + down.describe(container.name(), null),
                    ShortText.of(down.message(), DETAILS_LIMIT)));
        }
    }

    /** "Container app" or "Init container migrate". */
    private static String who(ContainerSnapshot container) {
        return (container.init() ? "Init container " : "Container ") + container.name();
    }

    private static String finishedText(Termination termination) {
        return termination.finishedAt() == null ? "" : ", at " + termination.finishedAt();
    }

    /**
     * A pod the scheduler cannot place is ResourceConstraints when any node lacks room for it (the
     * condition carries the FailedScheduling message, parsed by the one parser of that text), else
     * Unschedulable, whatever else holds it; otherwise Pending, unless a container issue already
     * explains why it has not started.
     */
    private static Optional<PodIssue> pendingIssue(
            PodStatus status, List<ContainerSnapshot> containers, Duration age, boolean nothingElseFound) {
        String pendingFor = HumanDuration.format(age);
        PodCondition scheduled = condition(status, "PodScheduled");
        if (scheduled != null
                && "False".equals(scheduled.getStatus())
                && "Unschedulable".equals(scheduled.getReason())) {
            String message = scheduled.getMessage() == null ? "" : scheduled.getMessage();
            boolean shortage = FailedSchedulingMessage.categoriesOf(message).stream()
                    .anyMatch(SchedulingFailureCategory::isResourceShortage);
            return Optional.of(
                    shortage
                            ? PodIssue.of(
                                    IssueType.ResourceConstraints,
                                    "Pod cannot be scheduled: not enough resources (pending for " + pendingFor + ")",
                                    ShortText.of(message, DETAILS_LIMIT))
                            : PodIssue.of(
                                    IssueType.Unschedulable,
                                    "Pod cannot be scheduled (pending for " + pendingFor + ")",
                                    ShortText.of(message, DETAILS_LIMIT)));
        }
        if (!nothingElseFound) {
            return Optional.empty();
        }
        return Optional.of(PodIssue.of(
                IssueType.Pending, "Pod has been pending for " + pendingFor, pendingDetails(scheduled, containers)));
    }

    private static String pendingDetails(PodCondition scheduled, List<ContainerSnapshot> containers) {
        if (scheduled != null && "False".equals(scheduled.getStatus())) {
            return ShortText.of(joinNonEmpty(": ", scheduled.getReason(), scheduled.getMessage()), DETAILS_LIMIT);
        }
        StringJoiner waiting = new StringJoiner(", ");
        for (ContainerSnapshot container : containers) {
            if (container.waitingReason() != null) {
                waiting.add(container.name() + " waiting: " + container.waitingReason());
            }
        }
        return waiting.length() > 0
                ? ShortText.of(waiting.toString(), DETAILS_LIMIT)
                : scheduled == null ? "Pod has not been scheduled" : "Containers have not started";
    }

    private static PodCondition condition(PodStatus status, String type) {
        if (status.getConditions() == null) {
            return null;
        }
        for (PodCondition condition : status.getConditions()) {
            if (type.equals(condition.getType())) {
                return condition;
            }
        }
        return null;
    }

    private static String joinNonEmpty(String separator, String... parts) {
        StringJoiner joiner = new StringJoiner(separator);
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joiner.add(part.strip());
            }
        }
        return ShortText.of(joiner.toString(), DETAILS_LIMIT);
    }
}
