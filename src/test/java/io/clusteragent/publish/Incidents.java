package io.clusteragent.publish;

import io.clusteragent.config.PublishSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Incidents and settings as the tests need them: fast retries, a local receiver. */
final class Incidents {

    private Incidents() {}

    static OutgoingIncident open(String fingerprint, int version) {
        return incident(fingerprint, version, "open");
    }

    static OutgoingIncident resolved(String fingerprint, int version) {
        return incident(fingerprint, version, "resolved");
    }

    static OutgoingIncident incident(String fingerprint, int version, String status) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("cluster_id", "test-cluster");
        metadata.put("node", "worker-1");
        metadata.put("category", "Customer");
        metadata.put("fingerprint", fingerprint);
        metadata.put("status", status);
        metadata.put("environment", "test");
        metadata.put("owner", "Deployment/web");
        metadata.put("current_usage", "200m");
        metadata.put("threshold", "50m");
        IncidentSignal signal = new IncidentSignal(
                UUID.randomUUID(),
                "cpu_spike",
                "critical",
                "shop",
                "pod/web-7d4b9c-x2k4q",
                "CPU spike detected: 200m average over 3 samples (threshold 50m)",
                "2026-01-15T12:00:00Z",
                "cluster-agent",
                metadata);
        return new OutgoingIncident(fingerprint, version, signal);
    }

    static OutgoingIncident nodeIncident(String fingerprint, int version) {
        IncidentSignal signal = new IncidentSignal(
                UUID.randomUUID(),
                "node_not_ready",
                "critical",
                null,
                "node/worker-1",
                "Node worker-1 is NotReady: kubelet stopped posting node status",
                "2026-01-15T12:00:00.250+01:00",
                "cluster-agent",
                Map.of(
                        "cluster_id",
                        "test-cluster",
                        "fingerprint",
                        fingerprint,
                        "status",
                        "open",
                        "category",
                        "Platform",
                        "environment",
                        "test"));
        return new OutgoingIncident(fingerprint, version, signal);
    }

    /** Retries within milliseconds so outages in tests end quickly. */
    static PublishSettings settings(int port, Path spoolDir, int concurrency) {
        return new PublishSettings(
                Optional.of(URI.create("http://localhost:" + port + "/events")),
                Duration.ofSeconds(5),
                concurrency,
                spoolDir,
                10_000,
                Duration.ofMillis(10),
                Duration.ofMillis(100));
    }

    static PublishSettings withTimeout(PublishSettings s, Duration eventTimeout) {
        return new PublishSettings(
                s.url(),
                eventTimeout,
                s.publishConcurrency(),
                s.spoolDir(),
                s.spoolMaxEntries(),
                s.retryBase(),
                s.retryCap());
    }

    static PublishSettings withSpoolMax(PublishSettings s, int spoolMaxEntries) {
        return new PublishSettings(
                s.url(),
                s.eventTimeout(),
                s.publishConcurrency(),
                s.spoolDir(),
                spoolMaxEntries,
                s.retryBase(),
                s.retryCap());
    }
}
