package io.clusteragent.fleet;

import io.clusteragent.eventrecord.EventRecord;

/**
 * What a rule counts in a window: occurrences (an event's count increase, the occurrences a summary stands for),
 * or how many distinct namespaces or clusters the records came from. The constant names are the rule file's.
 */
public enum Measure {
    occurrences(null),
    namespaces(Dimension.namespace),
    clusters(Dimension.cluster);

    /** The dimension whose distinct values are counted; null when occurrences are summed. */
    private final Dimension distinct;

    Measure(Dimension distinct) {
        this.distinct = distinct;
    }

    /** The dimension counted distinct, or null for {@link #occurrences}. */
    public Dimension distinct() {
        return distinct;
    }

    /** What {@code record} contributes: its occurrences, or 1 for the distinct value it carries. */
    long weight(EventRecord record) {
        return distinct == null ? Math.max(0, record.occurrences()) : 1;
    }
}
