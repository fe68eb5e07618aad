package io.clusteragent.kubestate;

/** The TYPE of a family, as kube-state-metrics names them ({@code pkg/metric/metric.go}). */
public enum MetricType {
    GAUGE("gauge"),
    COUNTER("counter"),
    /** OpenMetrics only; written as {@code gauge} in the 0.0.4 text format. */
    INFO("info"),
    /** OpenMetrics only; written as {@code gauge} in the 0.0.4 text format. */
    STATESET("stateset");

    private final String text;

    MetricType(String text) {
        this.text = text;
    }

    /** The word after the metric name in the {@code # TYPE} line of the given format. */
    String typeWord(ExpositionFormat format) {
        if (format == ExpositionFormat.TEXT && (this == INFO || this == STATESET)) {
            return GAUGE.text;
        }
        return text;
    }
}
