package io.clusteragent.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clusteragent.detect.Category;
import io.clusteragent.detect.IncidentSeverity;

import java.time.Instant;
import java.util.List;

/**
 * One rule crossing its threshold for one key in one window: the value of every anomaly topic record. Documented
 * field by field in docs/anomaly-records.md.
 *
 * @param id         the same for the same rule, key and window however often it is delivered: an idempotency key
 * @param clusterId  the cluster, or {@link #FLEET} for a rule that does not group by cluster
 * @param clusters   the clusters involved: the one cluster, or the distinct clusters a fleet rule counted
 * @param timestamp  the latest event time counted in the window when the rule fired
 * @param namespaces the distinct namespaces a namespace-counting rule saw; absent for other rules
 * @param eventUids  up to ten of the Events counted, for whoever investigates
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Anomaly(
        int schemaVersion,
        String id,
        String rule,
        IncidentSeverity severity,
        Category category,
        String clusterId,
        List<String> clusters,
        Instant timestamp,
        Instant windowStart,
        Instant windowEnd,
        AnomalyKey key,
        long count,
        long threshold,
        List<String> namespaces,
        List<String> eventUids) {

    public static final int SCHEMA_VERSION = 1;

    /** The clusterId of anomalies that span clusters. */
    public static final String FLEET = "fleet";

    /** The record header that carries {@link #category}, for consumers that route without parsing the value. */
    public static final String CATEGORY_HEADER = "category";
}
