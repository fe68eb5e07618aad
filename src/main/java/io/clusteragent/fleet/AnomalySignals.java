package io.clusteragent.fleet;

import io.clusteragent.publish.IncidentSignal;
import io.clusteragent.publish.OutgoingIncident;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An anomaly as the Agent Service's {@code POST /events} takes it: the same {@code IncidentSignal} the agents'
 * incidents are, of type {@code event_burst} (a rule's count of events reached its threshold), so the service needs
 * no second contract. An anomaly is announced once and never resolves: it goes out as version 1 of a fingerprint that
 * is its {@code id}, so its idempotency key is {@code <id>:1} however often it is read from Kafka.
 */
final class AnomalySignals {

    static final String TYPE = "event_burst";
    static final int VERSION = 1;

    private AnomalySignals() {}

    /**
     * @param source      the payload's {@code source}: the analyzer's application id
     * @param environment the payload's {@code metadata.environment}
     */
    static OutgoingIncident outgoing(Anomaly anomaly, String source, String environment) {
        AnomalyKey key = anomaly.key() == null ? new AnomalyKey(null, null, null, null, null) : anomaly.key();
        String resource = resource(anomaly, key);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("cluster_id", anomaly.clusterId());
        metadata.put("category", anomaly.category().name());
        metadata.put("fingerprint", anomaly.id());
        metadata.put("status", "open");
        metadata.put("environment", environment);
        metadata.put("rule", anomaly.rule());
        metadata.put("count", Long.toString(anomaly.count()));
        metadata.put("threshold", Long.toString(anomaly.threshold()));
        metadata.put("window_start", anomaly.windowStart().toString());
        metadata.put("window_end", anomaly.windowEnd().toString());
        putIfPresent(metadata, "clusters", anomaly.clusters());
        putIfPresent(metadata, "kind", key.kind());
        putIfPresent(metadata, "reason", key.reason());
        putIfPresent(metadata, "image", key.image());
        putIfPresent(metadata, "namespaces", anomaly.namespaces());
        putIfPresent(metadata, "event_uids", anomaly.eventUids());
        String idempotencyKey = OutgoingIncident.idempotencyKey(anomaly.id(), VERSION);
        IncidentSignal signal = new IncidentSignal(
                UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)),
                TYPE,
                anomaly.severity().label(),
                key.namespace(),
                resource,
                message(anomaly, key, resource),
                anomaly.timestamp().toString(),
                source,
                metadata);
        return new OutgoingIncident(anomaly.id(), VERSION, signal);
    }

    /** What the anomaly is about, in the contract's {@code kind/name} form: the object, else the image, else the cluster. */
    private static String resource(Anomaly anomaly, AnomalyKey key) {
        if (key.kind() != null && key.name() != null) {
            return key.kind().toLowerCase(Locale.ROOT) + "/" + key.name();
        }
        if (key.image() != null) {
            return "image/" + key.image();
        }
        return "cluster/" + anomaly.clusterId();
    }

    private static String message(Anomaly anomaly, AnomalyKey key, String resource) {
        return "Fleet rule " + anomaly.rule() + " fired: count " + anomaly.count() + " reached " + anomaly.threshold()
                + " for " + (key.namespace() == null ? "" : key.namespace() + " ") + resource
                + (key.reason() == null ? "" : " (reason " + key.reason() + ")")
                + " in " + String.join(", ", anomaly.clusters())
                + " between " + anomaly.windowStart() + " and " + anomaly.windowEnd();
    }

    private static void putIfPresent(Map<String, String> metadata, String name, String value) {
        if (value != null && !value.isEmpty()) {
            metadata.put(name, value);
        }
    }

    private static void putIfPresent(Map<String, String> metadata, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            metadata.put(name, String.join(",", values));
        }
    }
}
