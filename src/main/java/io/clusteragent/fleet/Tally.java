package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * What one rule has counted for one key in one window: the aggregate its window store keeps.
 *
 * @param count     occurrences summed, or distinct members counted (at most {@link #MAX_MEMBERS})
 * @param members   the distinct namespaces or clusters seen, in arrival order; empty when occurrences are summed
 * @param eventUids the first {@link #MAX_EVENT_UIDS} Events counted, as references for whoever investigates
 * @param category  Platform as soon as one counted record is Platform; null until a record carries a category
 */
public record Tally(long count, List<String> members, List<String> eventUids, Category category) {

    /** Bounds the state and the anomaly a key can grow to; a distinct count stops at this. */
    static final int MAX_MEMBERS = 100;

    static final int MAX_EVENT_UIDS = 10;

    public Tally {
        members = List.copyOf(members);
        eventUids = List.copyOf(eventUids);
    }

    static Tally empty() {
        return new Tally(0, List.of(), List.of(), null);
    }

    /** This tally with {@code record} counted; a heartbeat changes nothing, it only moves the window's clock. */
    Tally add(EventRecord record, Measure measure) {
        if (record.recordType() == RecordType.heartbeat) {
            return this;
        }
        List<String> nextMembers = members;
        long nextCount = count + measure.weight(record);
        if (measure.distinct() != null) {
            nextMembers = appended(members, measure.distinct().of(record), MAX_MEMBERS);
            nextCount = nextMembers.size();
        }
        return new Tally(
                nextCount,
                nextMembers,
                appended(eventUids, record.eventUid(), MAX_EVENT_UIDS),
                category == Category.Platform || record.category() == null ? category : record.category());
    }

    private static List<String> appended(List<String> values, String value, int max) {
        if (value == null || values.size() >= max || values.contains(value)) {
            return values;
        }
        List<String> next = new ArrayList<>(values);
        next.add(value);
        return next;
    }
}
