package io.clusteragent.monitoring.dashboards;

/**
 * A dashboard variable whose values are a label's values on a series, as Grafana's
 * {@code label_values(series, label)} query lists them.
 */
public record Variable(String name, String label, String series) {

    /** Grafana's query for the variable's values. */
    public String query() {
        return "label_values(" + series + ", " + name + ")";
    }
}
