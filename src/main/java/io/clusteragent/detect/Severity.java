package io.clusteragent.detect;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How urgent a finding is, in the Agent Service's four levels, declared from least to most urgent so
 * that {@link #compareTo} orders them.
 */
public enum Severity {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    CRITICAL("critical");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public boolean isAbove(Severity other) {
        return compareTo(other) > 0;
    }
}
