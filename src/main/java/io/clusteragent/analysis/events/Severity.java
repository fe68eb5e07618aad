package io.clusteragent.analysis.events;

/** How urgently a finding needs a human, shared by event analysis, namespace analysis and detectors. */
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
