package io.clusteragent.analysis.events;

import java.util.List;

/**
 * One event of a pod that signals trouble, with what it likely means. Component names are the API's field names.
 *
 * @param firstTimestamp    ISO-8601; null when the event carried no time at all
 * @param lastTimestamp     ISO-8601; null when the event carried no time at all
 * @param involvedContainer the container named by the event's fieldPath; null for pod-level events
 * @param category          an {@link EventCategory} name
 * @param severity          critical, warning or info ({@link Severity#label()})
 * @param isRecurring       seen at least {@link Recurrence#RECURRING_COUNT} times
 * @param recurrenceRate    "6.0 times per hour", "4 times within a minute" or "once"
 * @param timeSinceFirst    age of the first occurrence ("1h25m"), or "unknown" without timestamps
 */
public record FailureEvent(
        String type,
        String reason,
        String message,
        String firstTimestamp,
        String lastTimestamp,
        int count,
        String source,
        String involvedContainer,
        String category,
        String severity,
        boolean isRecurring,
        String recurrenceRate,
        String timeSinceFirst,
        List<String> possibleCauses,
        String suggestedAction) {}
