package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.EventRecord;
import org.apache.kafka.common.serialization.Serde;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What one rule takes from one record it counts: all its window needs, and all that crosses a repartition topic, so
 * the whole event record is neither carried nor parsed again.
 *
 * @param weight   what the record adds to an occurrence count; ignored when distinct members are counted
 * @param member   the namespace or cluster a distinct-counting rule counts; null for rules summing occurrences
 * @param eventUid the Event counted, a reference for whoever investigates; null for summaries
 * @param category the record's category; null when it carries none
 */
record Sighting(long weight, String member, String eventUid, Category category) {

    /** What a heartbeat carries: nothing to count, it only moves stream time on where it is broadcast to. */
    static final Sighting HEARTBEAT = new Sighting(0, null, null, null);

    static final Serde<Sighting> SERDE = new BinarySerde<>("sighting", Sighting::write, Sighting::read);

    /** What {@code rule} counts of {@code record}, which it must count. */
    static Sighting of(Rule rule, EventRecord record) {
        Dimension distinct = rule.count().distinct();
        return new Sighting(
                rule.count().weight(record),
                distinct == null ? null : distinct.of(record),
                record.eventUid(),
                record.category());
    }

    private static void write(Sighting sighting, DataOutputStream out) throws IOException {
        out.writeLong(sighting.weight);
        BinarySerde.writeNullable(sighting.member, out);
        BinarySerde.writeNullable(sighting.eventUid, out);
        writeCategory(sighting.category, out);
    }

    private static Sighting read(DataInputStream in) throws IOException {
        return new Sighting(
                in.readLong(), BinarySerde.readNullable(in), BinarySerde.readNullable(in), readCategory(in));
    }

    static void writeCategory(Category category, DataOutputStream out) throws IOException {
        out.writeByte(category == null ? -1 : category.ordinal());
    }

    static Category readCategory(DataInputStream in) throws IOException {
        int ordinal = in.readByte();
        return ordinal < 0 ? null : Category.values()[ordinal];
    }
}
