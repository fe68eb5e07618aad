package io.clusteragent.fleet;

import io.clusteragent.detect.IncidentSeverity;
import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.RecordType;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One windowed anomaly rule: the records it reads (by reason and involved object kind), what it counts them by, and
 * when it fires. It fires once per key and window, on the record that brings the count to {@code atLeast}.
 *
 * @param name      names the rule in anomalies and its internal topics and stores, so it is a topic-name fragment
 * @param reasons   the Event reasons counted; empty counts every reason
 * @param kinds     the involved object kinds counted; empty counts every kind
 * @param groupBy   what is counted separately; a record lacking one of these values is not counted
 * @param count     what is counted per key and window
 * @param atLeast   the count at which the rule fires
 * @param window    window size; windows are aligned to the epoch
 * @param advance   how far consecutive windows start apart: the window size for tumbling windows, less for hopping
 * @param grace     how long after a window's end records for it are still counted, by stream time
 * @param severity  the anomaly's severity
 */
public record Rule(
        String name,
        Set<String> reasons,
        Set<String> kinds,
        List<Dimension> groupBy,
        Measure count,
        long atLeast,
        Duration window,
        Duration advance,
        Duration grace,
        IncidentSeverity severity) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    public Rule {
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(severity, "severity");
        reasons = Set.copyOf(reasons);
        kinds = Set.copyOf(kinds);
        groupBy = List.copyOf(groupBy);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name '" + name + "' must be 1-63 lower-case letters, digits, '.' or '-', starting alphanumeric");
        }
        if (groupBy.isEmpty() || groupBy.size() != Set.copyOf(groupBy).size()) {
            throw new IllegalArgumentException(name + ": groupBy must list at least one dimension, each once");
        }
        if (count.distinct() != null && groupBy.contains(count.distinct())) {
            throw new IllegalArgumentException(name + ": counting distinct " + count + " while grouping by "
                    + count.distinct() + " always counts 1");
        }
        if (atLeast < 1) {
            throw new IllegalArgumentException(name + ": atLeast must be at least 1");
        }
        requirePositive(window, name + ": window");
        requirePositive(advance, name + ": advance");
        if (advance.compareTo(window) > 0) {
            throw new IllegalArgumentException(name + ": advance must not exceed the window");
        }
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException(name + ": grace must be zero or positive");
        }
    }

    /** Whether this rule counts {@code record}; heartbeats are never counted, they only move stream time on. */
    boolean counts(EventRecord record) {
        return record.recordType() != RecordType.heartbeat
                && (reasons.isEmpty() || reasons.contains(record.reason()))
                && (kinds.isEmpty()
                        || record.involvedObject() != null
                                && kinds.contains(record.involvedObject().kind()))
                && (count.distinct() == null || count.distinct().of(record) != null);
    }

    /** Whether anomalies of this rule belong to one cluster; a rule that does not group by cluster spans the fleet. */
    boolean perCluster() {
        return groupBy.contains(Dimension.cluster);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
