package io.clusteragent.fleet;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The events topic's records in the wire form the agents write. A record that is not one fails as a
 * {@link SerializationException}, which the analyzer's deserialization handler logs and skips.
 */
final class EventRecordSerde implements Serde<EventRecord> {

    @Override
    public Serializer<EventRecord> serializer() {
        return (topic, record) -> record == null ? null : EventRecordJson.write(record);
    }

    @Override
    public Deserializer<EventRecord> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return EventRecordParser.read(bytes);
            } catch (IllegalArgumentException e) {
                throw new SerializationException(e.getMessage(), e);
            }
        };
    }
}
