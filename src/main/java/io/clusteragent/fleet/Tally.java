package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import org.apache.kafka.common.serialization.Serde;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one rule has counted for one key in one window: the value its window store keeps.
 *
 * @param count     occurrences summed, or distinct members counted (at most {@link #MAX_MEMBERS})
 * @param members   the distinct namespaces or clusters seen, in arrival order; empty when occurrences are summed
 * @param eventUids the first {@link #MAX_EVENT_UIDS} Events counted, as references for whoever investigates
 * @param category  Platform as soon as one counted record is Platform; null until a record carries a category
 * @param latest    the latest event time counted, in epoch milliseconds
 * @param alerted   whether the rule has reported this key and window; kept with the count, so that neither later
 *                  records, nor restarts, nor rebalances raise a second anomaly
 */
record Tally(
        long count, List<String> members, List<String> eventUids, Category category, long latest, boolean alerted) {

    /** Bounds the state and the anomaly a key can grow to; a distinct count stops at this. */
    static final int MAX_MEMBERS = 100;

    static final int MAX_EVENT_UIDS = 10;

    static final Serde<Tally> SERDE = new BinarySerde<>("tally", Tally::write, Tally::read);

    Tally {
        members = List.copyOf(members);
        eventUids = List.copyOf(eventUids);
    }

    static Tally empty() {
        return new Tally(0, List.of(), List.of(), null, Long.MIN_VALUE, false);
    }

    /** This tally with {@code sighting}, made at {@code timestamp}, counted. */
    Tally add(Sighting sighting, long timestamp) {
        List<String> nextMembers = members;
        long nextCount = count + Math.max(0, sighting.weight());
        if (sighting.member() != null) {
            nextMembers = appended(members, sighting.member(), MAX_MEMBERS);
            nextCount = nextMembers.size();
        }
        return new Tally(
                nextCount,
                nextMembers,
                appended(eventUids, sighting.eventUid(), MAX_EVENT_UIDS),
                category == Category.Platform || sighting.category() == null ? category : sighting.category(),
                Math.max(latest, timestamp),
                alerted);
    }

    Tally markAlerted() {
        return new Tally(count, members, eventUids, category, latest, true);
    }

    private static List<String> appended(List<String> values, String value, int max) {
        if (value == null || values.size() >= max || values.contains(value)) {
            return values;
        }
        List<String> next = new ArrayList<>(values);
        next.add(value);
        return next;
    }

    private static void write(Tally tally, DataOutputStream out) throws IOException {
        out.writeLong(tally.count);
        writeList(tally.members, out);
        writeList(tally.eventUids, out);
        Sighting.writeCategory(tally.category, out);
        out.writeLong(tally.latest);
        out.writeBoolean(tally.alerted);
    }

    private static Tally read(DataInputStream in) throws IOException {
        return new Tally(
                in.readLong(), readList(in), readList(in), Sighting.readCategory(in), in.readLong(), in.readBoolean());
    }

    private static void writeList(List<String> values, DataOutputStream out) throws IOException {
        out.writeShort(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int size = in.readUnsignedShort();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
