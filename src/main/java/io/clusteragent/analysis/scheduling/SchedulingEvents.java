package io.clusteragent.analysis.scheduling;

import io.clusteragent.analysis.events.ObservedEvent;
import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The pod's events that explain its placement, newest first: the scheduler's, the autoscaler's, and volume attachment. */
final class SchedulingEvents {

    static final String FAILED_SCHEDULING = "FailedScheduling";
    private static final Set<String> REASONS =
            Set.of(FAILED_SCHEDULING, "Scheduled", "Preempted", "NotTriggerScaleUp", "TriggeredScaleUp");
    static final String DEFAULT_SCHEDULER = "default-scheduler";

    // Same lastSeen: the order must still not depend on cache iteration order.
    private static final Comparator<ObservedEvent> NEWEST_FIRST = Comparator.comparing(ObservedEvent::lastSeen)
            .reversed()
            .thenComparing(ObservedEvent::reason)
            .thenComparing(ObservedEvent::message);

    private final List<ObservedEvent> events;

    private SchedulingEvents(List<ObservedEvent> events) {
        this.events = events;
    }

    static SchedulingEvents of(Pod pod, ClusterState state) {
        String scheduler = pod.getSpec() == null || pod.getSpec().getSchedulerName() == null
                ? DEFAULT_SCHEDULER
                : pod.getSpec().getSchedulerName();
        List<ObservedEvent> kept = state.eventsFor(pod).stream()
                .map(ObservedEvent::of)
                .filter(e ->
                        REASONS.contains(e.reason()) || fromScheduler(e, scheduler) || PodEventPattern.isVolumeEvent(e))
                .sorted(NEWEST_FIRST)
                .toList();
        return new SchedulingEvents(kept);
    }

    List<SchedulingEvent> view() {
        return events.stream().map(SchedulingEvent::of).toList();
    }

    Optional<ObservedEvent> latestFailedScheduling() {
        return events.stream().filter(e -> FAILED_SCHEDULING.equals(e.reason())).findFirst();
    }

    /** Volume failures not followed by a successful attach; older ones describe a problem that has passed. */
    List<ObservedEvent> currentVolumeFailures() {
        Optional<ObservedEvent> attached = events.stream()
                .filter(e -> PodEventPattern.ATTACHED.equals(e.reason()))
                .findFirst();
        return events.stream()
                .filter(e -> PodEventPattern.categoryOf(e).isPresent())
                .filter(e -> attached.isEmpty()
                        || e.lastSeen().isAfter(attached.get().lastSeen()))
                .toList();
    }

    private static boolean fromScheduler(ObservedEvent event, String scheduler) {
        String component = event.source().split("/", 2)[0];
        return component.equals(scheduler) || component.equals(DEFAULT_SCHEDULER);
    }
}
