package io.clusteragent.analysis.scheduling;

import io.clusteragent.analysis.events.ObservedEvent;

import java.time.Instant;

/**
 * One event in a scheduling answer.
 *
 * @param timestamp when it last occurred, from whichever of lastTimestamp, series or eventTime the writer filled
 * @param firstTimestamp when it first occurred
 * @param count     occurrences, at least 1
 */
public record SchedulingEvent(
        String type,
        String reason,
        String message,
        Instant timestamp,
        int count,
        Instant firstTimestamp,
        String source) {

    static SchedulingEvent of(ObservedEvent event) {
        return new SchedulingEvent(
                event.type(),
                event.reason(),
                event.message(),
                event.lastSeen(),
                event.count(),
                event.firstSeen(),
                event.source());
    }
}
