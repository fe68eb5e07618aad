package io.clusteragent.analysis.events;

import java.time.Duration;
import java.util.Locale;

/** How often an event repeats, from its count and the span between its first and last occurrence. */
public final class Recurrence {

    /**
     * Two occurrences can be a coincidence (one restart already yields a Killing and a BackOff);
     * a third makes a pattern. The kubelet folds identical events into one object with a count, so
     * this counts occurrences, not event objects.
     */
    public static final int RECURRING_COUNT = 3;

    private static final Duration SHORTEST_MEASURABLE_SPAN = Duration.ofMinutes(1);

    private Recurrence() {}

    public static boolean isRecurring(ObservedEvent event) {
        return event.count() >= RECURRING_COUNT;
    }

    /**
     * "6.0 times per hour". A span under a minute gives no meaningful hourly rate (a burst of 10 in
     * one second is not 36,000 per hour), so it is reported as "N times within a minute"; a single
     * occurrence as "once"; an event without any timestamp as "N times".
     */
    public static String rate(ObservedEvent event) {
        int count = event.count();
        if (count <= 1) {
            return "once";
        }
        if (!event.hasKnownTime()) {
            return count + " times";
        }
        Duration span = Duration.between(event.firstSeen(), event.lastSeen());
        if (span.compareTo(SHORTEST_MEASURABLE_SPAN) < 0) {
            return count + " times within a minute";
        }
        double perHour = count * 3600.0 / span.getSeconds();
        return String.format(Locale.ROOT, "%.1f times per hour", perHour);
    }
}
