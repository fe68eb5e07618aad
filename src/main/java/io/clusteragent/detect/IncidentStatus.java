package io.clusteragent.detect;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a notification reports an incident that holds (opened, escalated, or still there after the cooldown) or one that cleared. */
public enum IncidentStatus {
    OPEN("open"),
    RESOLVED("resolved");

    private final String label;

    IncidentStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
