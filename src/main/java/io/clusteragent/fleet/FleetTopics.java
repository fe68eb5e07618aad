package io.clusteragent.fleet;

import java.util.Objects;

/**
 * The topics the analyzer reads and writes.
 *
 * @param events    the agents' event records, keyed by cluster id
 * @param anomalies every anomaly, with its category as a header and a field
 * @param platform  the Platform anomalies only
 * @param customer  the Customer anomalies only
 */
public record FleetTopics(String events, String anomalies, String platform, String customer) {

    public FleetTopics {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(anomalies, "anomalies");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(customer, "customer");
    }

    public static FleetTopics defaults() {
        return new FleetTopics(
                "k8s.events", "telemetry.anomalies", "telemetry.anomalies.platform", "telemetry.anomalies.customer");
    }
}
