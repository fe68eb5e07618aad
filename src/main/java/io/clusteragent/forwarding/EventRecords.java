package io.clusteragent.forwarding;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.InvolvedObject;
import io.clusteragent.eventrecord.RecordType;

import java.time.Instant;

/** The records this cluster's agent writes to the events topic, stamped with its cluster id and version. */
final class EventRecords {

    private final String clusterId;
    private final String agentVersion;

    EventRecords(String clusterId, String agentVersion) {
        this.clusterId = clusterId;
        this.agentVersion = agentVersion;
    }

    EventRecord event(Occurrence occurrence, String image) {
        return new EventRecord(
                EventRecord.SCHEMA_VERSION,
                RecordType.event,
                clusterId,
                agentVersion,
                occurrence.lastSeen(),
                occurrence.category(),
                occurrence.type(),
                occurrence.reason(),
                occurrence.message(),
                occurrence.involvedObject(),
                occurrence.eventUid(),
                occurrence.count(),
                occurrence.occurrences(),
                occurrence.firstSeen(),
                occurrence.lastSeen(),
                image);
    }

    /** One record for what the rate limits held back of one reason in one namespace since the last summary. */
    EventRecord summary(RateLimits.Summary held, Instant now) {
        String where = held.namespace() == null ? "cluster-scoped objects" : held.namespace();
        return new EventRecord(
                EventRecord.SCHEMA_VERSION,
                RecordType.summary,
                clusterId,
                agentVersion,
                now,
                held.category(),
                held.type(),
                held.reason(),
                "suppressed " + held.occurrences() + " occurrences of " + held.reason() + " in " + where,
                new InvolvedObject(null, held.namespace(), null, null),
                null,
                0,
                held.occurrences(),
                held.first(),
                held.last(),
                null);
    }

    EventRecord heartbeat(Instant now) {
        return EventRecord.heartbeat(clusterId, agentVersion, now);
    }

    String clusterId() {
        return clusterId;
    }
}
