package io.clusteragent.fleet;

import io.clusteragent.eventrecord.EventRecord;
import org.apache.kafka.common.serialization.Serde;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * What one rule counts separately: the values of its {@code groupBy} dimensions, the others null. It is the key of
 * the rule's repartition topic and window store, so its serialized form is the same for equal keys.
 */
public record RuleKey(String cluster, String namespace, String kind, String name, String reason, String image) {

    /**
     * The key heartbeats travel under. No record of a rule has it, because a record lacking any of the rule's
     * dimensions is not counted by the rule, and every rule groups by at least one dimension.
     */
    static final RuleKey HEARTBEAT = new RuleKey(null, null, null, null, null, null);

    static final Serde<RuleKey> SERDE = new BinarySerde<>("rule key", RuleKey::write, RuleKey::read);

    /** The key of {@code record} under {@code groupBy}, or null when the record lacks one of the dimensions. */
    static RuleKey of(EventRecord record, List<Dimension> groupBy) {
        String[] values = new String[Dimension.values().length];
        for (Dimension dimension : groupBy) {
            String value = dimension.of(record);
            if (value == null) {
                return null;
            }
            values[dimension.ordinal()] = value;
        }
        return new RuleKey(values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    boolean isHeartbeat() {
        return equals(HEARTBEAT);
    }

    private static void write(RuleKey key, DataOutputStream out) throws IOException {
        BinarySerde.writeNullable(key.cluster, out);
        BinarySerde.writeNullable(key.namespace, out);
        BinarySerde.writeNullable(key.kind, out);
        BinarySerde.writeNullable(key.name, out);
        BinarySerde.writeNullable(key.reason, out);
        BinarySerde.writeNullable(key.image, out);
    }

    private static RuleKey read(DataInputStream in) throws IOException {
        return new RuleKey(
                BinarySerde.readNullable(in),
                BinarySerde.readNullable(in),
                BinarySerde.readNullable(in),
                BinarySerde.readNullable(in),
                BinarySerde.readNullable(in),
                BinarySerde.readNullable(in));
    }
}
