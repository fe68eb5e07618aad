package io.clusteragent.detect;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The incident tracker's memory, as it is kept between runs and handed from leader to leader.
 *
 * @param incidents by fingerprint
 * @param outbox    notifications already counted (their versions are taken) that the sink has not yet
 *                  confirmed as queued: whoever loads this state offers them again, byte for byte the same
 */
public record IncidentState(Map<String, IncidentRecord> incidents, List<Notification> outbox) {

    public static final IncidentState EMPTY = new IncidentState(Map.of(), List.of());

    public IncidentState {
        // Sorted, so that the same state always serializes to the same bytes.
        incidents = incidents == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(incidents));
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }
}
