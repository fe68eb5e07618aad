package io.clusteragent.forwarding;

import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.InvolvedObject;

import java.time.Instant;

/**
 * Occurrences of one Kubernetes Event that an observation brought, classified, before the rate limits.
 *
 * @param eventUid    the Event object's uid (namespace/name when a writer left it out)
 * @param count       the Event's whole count now (count or series.count)
 * @param occurrences what this observation added: the count increase, or the whole count of an event first seen
 * @param firstSeen   the Event's first time; {@code lastSeen} its last, series.lastObservedTime when it has a series
 */
record Occurrence(
        String eventUid,
        String type,
        String reason,
        String message,
        InvolvedObject involvedObject,
        Category category,
        int count,
        int occurrences,
        Instant firstSeen,
        Instant lastSeen) {

    /** The namespace the rate limits count in: the involved object's, null for cluster-scoped objects. */
    String namespace() {
        return involvedObject.namespace();
    }
}
