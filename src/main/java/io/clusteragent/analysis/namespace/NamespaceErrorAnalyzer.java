package io.clusteragent.analysis.namespace;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.Rfc3339;
import io.clusteragent.analysis.events.ObservedEvent;
import io.clusteragent.analysis.pods.ContainerSnapshot;
import io.clusteragent.analysis.pods.ContainerStates;
import io.clusteragent.analysis.pods.PodStatusText;
import io.clusteragent.analysis.pods.ShortText;
import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds the unhealthy pods of the Deployments and StatefulSets in a namespace
 * ({@code GET /namespace/{ns}/error}).
 *
 * <p>Runs over every pod of the namespace on each request, so healthy pods cost one pass over
 * their container statuses and nothing more: status text, age and events are only computed for
 * pods that have an issue.
 */
public final class NamespaceErrorAnalyzer {

    static final Duration RECENT_EVENTS_WINDOW = Duration.ofHours(1);
    static final int RECENT_EVENTS_LIMIT = 5;
    static final int EVENT_MESSAGE_LIMIT = 300;

    private static final Comparator<ProblematicPod> CRITICAL_FIRST = Comparator.comparing(
                    (ProblematicPod p) -> p.issues().stream().noneMatch(PodIssue::isCritical))
            .thenComparing(ProblematicPod::restartCount, Comparator.reverseOrder())
            .thenComparing(ProblematicPod::name);

    private NamespaceErrorAnalyzer() {}

    public static NamespaceErrorReport analyze(
            String namespace, ClusterState state, int restartThreshold, Instant now) {
        int analyzed = 0;
        List<ProblematicPod> problematic = new ArrayList<>();
        for (Pod pod : state.podsInNamespace(namespace)) {
            var owner = WorkloadOwner.of(pod, state);
            if (owner.isEmpty()) {
                continue;
            }
            analyzed++;
            List<ContainerSnapshot> containers = ContainerStates.of(pod);
            boolean pending =
                    pod.getStatus() != null && "Pending".equals(pod.getStatus().getPhase());
            Duration age = pending ? age(pod, now) : null;
            List<PodIssue> issues = PodIssueFinder.find(pod, containers, restartThreshold, age);
            if (!issues.isEmpty()) {
                problematic.add(
                        describe(pod, owner.get(), containers, pending ? age : age(pod, now), issues, state, now));
            }
        }
        problematic.sort(CRITICAL_FIRST);

        int critical = 0;
        int warning = 0;
        for (ProblematicPod pod : problematic) {
            for (PodIssue issue : pod.issues()) {
                if (issue.isCritical()) {
                    critical++;
                } else {
                    warning++;
                }
            }
        }
        return new NamespaceErrorReport(
                namespace,
                now.toString(),
                analyzed,
                problematic.size(),
                analyzed - problematic.size(),
                restartThreshold,
                summary(problematic),
                List.copyOf(problematic),
                critical,
                warning);
    }

    private static ProblematicPod describe(
            Pod pod,
            WorkloadOwner owner,
            List<ContainerSnapshot> containers,
            Duration age,
            List<PodIssue> issues,
            ClusterState state,
            Instant now) {
        var metadata = pod.getMetadata();
        String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null
                ? "Unknown"
                : pod.getStatus().getPhase();
        return new ProblematicPod(
                metadata.getName(),
                metadata.getNamespace(),
                owner.kind(),
                owner.name(),
                phase,
                PodStatusText.of(pod),
                ContainerStates.totalRestarts(containers),
                age == null ? "unknown" : HumanDuration.format(age),
                List.copyOf(issues),
                recentWarnings(state.eventsFor(pod), now));
    }

    private static List<RecentEvent> recentWarnings(List<Event> events, Instant now) {
        Instant since = now.minus(RECENT_EVENTS_WINDOW);
        return events.stream()
                .filter(e -> "Warning".equals(e.getType()))
                .map(ObservedEvent::of)
                .filter(e -> e.hasKnownTime() && !e.lastSeen().isBefore(since))
                .sorted(Comparator.comparing(ObservedEvent::lastSeen, Comparator.reverseOrder())
                        .thenComparing(ObservedEvent::reason)
                        .thenComparing(ObservedEvent::message))
                .limit(RECENT_EVENTS_LIMIT)
                .map(e -> new RecentEvent(
                        e.type(),
                        e.reason(),
                        ShortText.of(e.message(), EVENT_MESSAGE_LIMIT),
                        e.lastSeen().toString(),
                        e.count()))
                .toList();
    }

    /** One entry per issue type, counting each pod once however many of its containers have the issue. */
    private static List<IssueSummary> summary(List<ProblematicPod> pods) {
        Map<IssueType, SortedSet<String>> podsByType = new EnumMap<>(IssueType.class);
        for (ProblematicPod pod : pods) {
            for (PodIssue issue : pod.issues()) {
                podsByType
                        .computeIfAbsent(issue.issueType(), t -> new TreeSet<>())
                        .add(pod.name());
            }
        }
        // EnumMap iterates in declaration order, so equal counts keep a fixed order after the stable sort.
        List<IssueSummary> summary = new ArrayList<>();
        podsByType.forEach((type, names) ->
                summary.add(new IssueSummary(type.name(), names.size(), type.description(), List.copyOf(names))));
        summary.sort(Comparator.comparingInt(IssueSummary::count).reversed());
        return List.copyOf(summary);
    }

    /** Null when the pod has no creation time. Parsed only where needed: most pods never need it. */
    private static Duration age(Pod pod, Instant now) {
        Instant created = pod.getMetadata() == null
                ? null
                : Rfc3339.parse(pod.getMetadata().getCreationTimestamp());
        return created == null ? null : Duration.between(created, now);
    }
}
