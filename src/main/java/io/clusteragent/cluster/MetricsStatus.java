package io.clusteragent.cluster;

import java.time.Instant;

/**
 * Whether container and node metrics can be served, and how fresh they are.
 *
 * @param available   false when the metrics.k8s.io API is not installed or not reachable
 * @param lastRefresh when the metrics were last read; null if never
 * @param reason      why metrics are unavailable; null when available
 */
public record MetricsStatus(boolean available, Instant lastRefresh, String reason) {

    public static MetricsStatus unavailable(String reason) {
        return new MetricsStatus(false, null, reason);
    }

    public static MetricsStatus availableAt(Instant refreshedAt) {
        return new MetricsStatus(true, refreshedAt, null);
    }
}
