package io.clusteragent.analysis.events;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.pods.ContainerSnapshot;
import io.clusteragent.analysis.pods.ContainerStates;
import io.clusteragent.analysis.pods.PodStatusText;
import io.clusteragent.analysis.pods.ShortText;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Picks out a pod's events that signal trouble and says what each likely means
 * ({@code GET /pods/{ns}/{pod}/failure-events}).
 *
 * <p>Every Warning event is a failure event (unknown reasons as {@link EventCategory#Other}); a
 * Normal event only when the {@link EventReasonCatalog} knows its reason as a sign of trouble
 * (Killing, Preempted, SandboxChanged...), so routine Scheduled/Pulled/Started events stay out.
 * An info-level event that recurs is raised to warning: one Killing is a rollout, ten are a loop.
 */
public final class FailureEventAnalyzer {

    /** An issue seen within this window is still going on. */
    static final Duration ONGOING_WINDOW = Duration.ofMinutes(5);

    static final int MESSAGE_LIMIT = 1024;
    static final int ONGOING_TEXT_LIMIT = 200;

    private static final Comparator<Classified> MOST_SEVERE_THEN_NEWEST = Comparator.comparingInt(
                    (Classified c) -> c.severity().weight())
            .reversed()
            .thenComparing((Classified c) -> c.event().lastSeen(), Comparator.reverseOrder())
            .thenComparing(c -> c.event().reason())
            .thenComparing(c -> c.event().message())
            .thenComparing(c -> c.event().source());

    private FailureEventAnalyzer() {}

    /** A failure event before it is rendered: kept typed for sorting and counting. */
    private record Classified(ObservedEvent event, EventReasonCatalog entry, Severity severity) {}

    public static PodFailureEvents analyze(Pod pod, List<Event> events, Instant now) {
        List<Classified> failures = new ArrayList<>();
        for (Event event : events) {
            classify(ObservedEvent.of(event)).ifPresent(failures::add);
        }
        failures.sort(MOST_SEVERE_THEN_NEWEST);

        List<ContainerSnapshot> containers = ContainerStates.of(pod);
        List<FailureEvent> rendered = new ArrayList<>(failures.size());
        Map<String, Integer> categories = new TreeMap<>();
        int[] bySeverity = new int[Severity.values().length];
        for (Classified failure : failures) {
            rendered.add(render(failure, pod, containers, now));
            categories.merge(failure.entry().category().name(), 1, Integer::sum);
            bySeverity[failure.severity().ordinal()]++;
        }

        var metadata = pod.getMetadata();
        String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null
                ? "Unknown"
                : pod.getStatus().getPhase();
        return new PodFailureEvents(
                metadata == null ? null : metadata.getName(),
                metadata == null ? null : metadata.getNamespace(),
                events.size(),
                List.copyOf(rendered),
                categories,
                bySeverity[Severity.CRITICAL.ordinal()],
                bySeverity[Severity.WARNING.ordinal()],
                bySeverity[Severity.INFO.ordinal()],
                mostRecentIssue(failures),
                ongoingIssues(failures, now),
                phase,
                PodStatusText.of(pod));
    }

    private static Optional<Classified> classify(ObservedEvent event) {
        Optional<EventReasonCatalog> known = EventReasonCatalog.lookup(event);
        if (known.isEmpty() && !event.isWarning()) {
            return Optional.empty();
        }
        EventReasonCatalog entry = known.orElse(EventReasonCatalog.UNCATEGORIZED_WARNING);
        Severity severity = entry.severity() == Severity.INFO && Recurrence.isRecurring(event)
                ? Severity.WARNING
                : entry.severity();
        return Optional.of(new Classified(event, entry, severity));
    }

    private static FailureEvent render(Classified failure, Pod pod, List<ContainerSnapshot> containers, Instant now) {
        ObservedEvent event = failure.event();
        boolean timed = event.hasKnownTime();
        return new FailureEvent(
                event.type(),
                event.reason(),
                ShortText.of(event.message(), MESSAGE_LIMIT),
                timed ? event.firstSeen().toString() : null,
                timed ? event.lastSeen().toString() : null,
                event.count(),
                event.source(),
                event.involvedContainer(),
                failure.entry().category().name(),
                failure.severity().label(),
                Recurrence.isRecurring(event),
                Recurrence.rate(event),
                timed ? HumanDuration.format(Duration.between(event.firstSeen(), now)) : "unknown",
                FailureCauses.of(failure.entry(), event, pod, containers),
                failure.entry().suggestedAction());
    }

    /** Info-level events are context, not issues, so they never become the most recent issue. */
    private static MostRecentIssue mostRecentIssue(List<Classified> sorted) {
        Classified latest = null;
        for (Classified failure : sorted) {
            if (failure.severity() != Severity.INFO
                    && failure.event().hasKnownTime()
                    && (latest == null
                            || failure.event().lastSeen().isAfter(latest.event().lastSeen()))) {
                latest = failure;
            }
        }
        if (latest == null) {
            return null;
        }
        ObservedEvent event = latest.event();
        return new MostRecentIssue(
                event.reason(),
                ShortText.of(event.message(), MESSAGE_LIMIT),
                event.lastSeen().toString());
    }

    private static List<String> ongoingIssues(List<Classified> sorted, Instant now) {
        Instant since = now.minus(ONGOING_WINDOW);
        Set<String> issues = new LinkedHashSet<>();
        for (Classified failure : sorted) {
            ObservedEvent event = failure.event();
            if (failure.severity() != Severity.INFO
                    && event.hasKnownTime()
                    && !event.lastSeen().isBefore(since)) {
                issues.add(ShortText.of(event.reason() + ": " + event.message(), ONGOING_TEXT_LIMIT));
            }
        }
        return List.copyOf(issues);
    }
}
