package io.clusteragent.analysis.describe;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.events.ObservedEvent;

import java.time.Duration;
import java.time.Instant;

/**
 * One event in a pod description. Timestamps and count come from {@link ObservedEvent}, so events
 * written through events.k8s.io (no {@code count}, no {@code firstTimestamp}) read like older ones.
 *
 * @param source "component/host" of the reporter, e.g. {@code kubelet/worker-1} or {@code default-scheduler}
 * @param age    time since the event was last seen, as kubectl's Age column
 */
public record EventDescription(
        String type,
        String reason,
        String message,
        Instant firstTimestamp,
        Instant lastTimestamp,
        int count,
        String source,
        String age) {

    public static EventDescription of(ObservedEvent event, Instant now) {
        return new EventDescription(
                event.type(),
                event.reason(),
                event.message(),
                event.firstSeen(),
                event.lastSeen(),
                event.count(),
                event.source(),
                HumanDuration.format(Duration.between(event.lastSeen(), now)));
    }
}
