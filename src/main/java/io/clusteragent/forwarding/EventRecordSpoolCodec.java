package io.clusteragent.forwarding;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.publish.SpoolCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Event records in the spool, in their wire form. They all have one order key, the cluster's, as on the
 * topic: they go out in the order they were spooled. Heartbeats are the first to go when the spool is full.
 */
final class EventRecordSpoolCodec implements SpoolCodec<EventRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecordSpoolCodec.class);

    @Override
    public byte[] write(EventRecord record) {
        return EventRecordJson.write(record);
    }

    @Override
    public EventRecord read(byte[] bytes) throws IOException {
        try {
            return EventRecordJson.read(bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String orderKey(EventRecord record) {
        return record.clusterId();
    }

    @Override
    public boolean expendable(EventRecord record) {
        return record.recordType() == io.clusteragent.eventrecord.RecordType.heartbeat;
    }

    @Override
    public void logDropped(EventRecord record, int maxEntries) {
        LOG.warn(
                "event spool full, dropped record {} {} {} {} {}",
                kv("recordType", record.recordType()),
                kv("reason", record.reason()),
                kv("eventUid", record.eventUid()),
                kv("occurrences", record.occurrences()),
                kv("spoolMaxEntries", maxEntries));
    }
}
