package io.clusteragent.detect;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing to publish about an incident.
 *
 * @param fingerprint stable per cluster, type and resource, the same for every notification of the incident
 * @param version     1 for the first notification of a fingerprint, then one more for each later one, resolutions included;
 *                    {@code fingerprint:version} is unique, which makes it the publisher's idempotency key
 * @param finding     what the detector found; for a resolution, the last finding before the condition cleared
 * @param detectedAt  the instant of the cycle that produced the notification
 */
public record Notification(
        String fingerprint,
        int version,
        IncidentStatus status,
        Finding finding,
        Category category,
        Instant detectedAt) {

    public Notification {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    /** {@code <fingerprint>:<version>}. */
    public String idempotencyKey() {
        return fingerprint + ":" + version;
    }
}
