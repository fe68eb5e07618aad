package io.clusteragent.publish;

import io.clusteragent.detect.Finding;
import io.clusteragent.detect.Notification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Turns a notification into the Agent Service's payload: the contract's fields, metadata all strings. */
public final class IncidentSignals {

    /** Who reports: the payload's {@code source} and the cluster and environment every incident carries. */
    public record Reporter(String source, String clusterId, String environment) {}

    private IncidentSignals() {}

    public static OutgoingIncident outgoing(Notification notification, Reporter reporter) {
        Finding finding = notification.finding();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("cluster_id", reporter.clusterId());
        putIfPresent(metadata, "node", finding.node());
        metadata.put("category", notification.category().name());
        metadata.put("fingerprint", notification.fingerprint());
        metadata.put("status", notification.status().label());
        metadata.put("environment", reporter.environment());
        putIfPresent(metadata, "owner", finding.owner());
        finding.details().forEach(metadata::putIfAbsent);
        IncidentSignal signal = new IncidentSignal(
                idOf(notification),
                finding.type().label(),
                finding.severity().label(),
                finding.namespace(),
                finding.resource(),
                finding.message(),
                notification.detectedAt().toString(),
                reporter.source(),
                metadata);
        return new OutgoingIncident(notification.fingerprint(), notification.version(), signal);
    }

    /**
     * Derived from the idempotency key, so that a notification offered again after a restart or by the
     * next leader is the same payload, id included.
     */
    static UUID idOf(Notification notification) {
        return UUID.nameUUIDFromBytes(notification.idempotencyKey().getBytes(StandardCharsets.UTF_8));
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isEmpty()) {
            metadata.put(key, value);
        }
    }
}
