package io.clusteragent.detect;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How urgent an incident is: the Agent Service's four levels, the {@code severity} of every incident
 * notification. Declared from least to most urgent so that {@link #compareTo} orders them and a rise
 * can be told apart from a fall. This is not the diagnostics API's three-level
 * {@code io.clusteragent.analysis.events.Severity} (critical, warning, info): each detector judges
 * its incident on this scale itself, and nothing converts one scale into the other.
 */
public enum IncidentSeverity {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    CRITICAL("critical");

    private final String label;

    IncidentSeverity(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public boolean isAbove(IncidentSeverity other) {
        return compareTo(other) > 0;
    }
}
