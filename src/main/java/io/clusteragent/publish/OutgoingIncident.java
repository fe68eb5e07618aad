package io.clusteragent.publish;

import java.util.Objects;

/**
 * One notification about one incident: the payload plus what delivery needs to keep it idempotent and
 * in order. Versions of one fingerprint are delivered in increasing order.
 */
public record OutgoingIncident(String fingerprint, int version, IncidentSignal signal) {

    public OutgoingIncident {
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("fingerprint is blank");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version is negative: " + version);
        }
        Objects.requireNonNull(signal, "signal");
    }

    /** The service may see a notification twice (a retry after a lost answer); the key lets it tell. */
    public String idempotencyKey() {
        return idempotencyKey(fingerprint, version);
    }

    /** The key of a notification before it is built, for a payload {@code id} derived from it. */
    public static String idempotencyKey(String fingerprint, int version) {
        return fingerprint + ":" + version;
    }

    /** Resolved notifications are the first to go when the spool is full: they only close what was reported. */
    public boolean resolved() {
        return "resolved".equals(signal.metadata().get("status"));
    }
}
