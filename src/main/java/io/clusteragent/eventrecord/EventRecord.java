package io.clusteragent.eventrecord;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clusteragent.detect.Category;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of the fleet events topic ({@code KAFKA_TOPIC_EVENTS}), keyed by {@code clusterId} so
 * that one cluster's records keep their order in one partition. Documented in docs/event-records.md.
 *
 * @param timestamp when the occurrences happened (the Event's last time), or when a heartbeat was sent;
 *     the stream processor's event time
 * @param count the Event's total count after this record; for a summary, 0
 * @param occurrences what this record adds: the count increase of an event, the occurrences a summary
 *     stands for; 0 for a heartbeat
 * @param image the image of the involved container when the agent knows it, for fleet-wide image rules
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventRecord(
        int schemaVersion,
        RecordType recordType,
        String clusterId,
        String agentVersion,
        Instant timestamp,
        Category category,
        String type,
        String reason,
        String message,
        InvolvedObject involvedObject,
        String eventUid,
        long count,
        long occurrences,
        Instant firstTimestamp,
        Instant lastTimestamp,
        String image) {

    public static final int SCHEMA_VERSION = 1;

    public EventRecord {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The record every agent sends each heartbeat period, whether or not anything happened. */
    public static EventRecord heartbeat(String clusterId, String agentVersion, Instant now) {
        return new EventRecord(
                SCHEMA_VERSION,
                RecordType.heartbeat,
                clusterId,
                agentVersion,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                0,
                null,
                null,
                null);
    }
}
