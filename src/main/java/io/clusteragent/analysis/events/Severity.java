package io.clusteragent.analysis.events;

/**
 * How urgently a failure event or a namespace issue needs a human: the diagnostics API's three-level
 * scale (schema {@code Severity} in docs/openapi.yaml). Incidents sent to the Agent Service use its
 * four levels instead, {@code io.clusteragent.detect.IncidentSeverity}; nothing converts one into the other.
 */
public enum Severity {
    CRITICAL("critical"),
    WARNING("warning"),
    INFO("info");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The lower-case form the API prints. */
    public String label() {
        return label;
    }

    /** Sorts critical first. */
    public int weight() {
        return values().length - ordinal();
    }
}
