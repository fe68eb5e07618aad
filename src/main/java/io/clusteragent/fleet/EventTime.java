package io.clusteragent.fleet;

import io.clusteragent.eventrecord.EventRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows are in event time: when the occurrences happened by the agent's clock, not when Kafka received them,
 * so a record an agent spooled through a broker outage still lands in the window it belongs to (or is late).
 */
final class EventTime implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return record.value() instanceof EventRecord event ? event.timestamp().toEpochMilli() : record.timestamp();
    }
}
