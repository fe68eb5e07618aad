package io.clusteragent.kubestate;

import java.util.Locale;

/**
 * The two formats kube-state-metrics serves ({@code pkg/metricshandler/metrics_handler.go}): OpenMetrics when the
 * scraper asks for it, the Prometheus 0.0.4 text format otherwise (it serves no protobuf either).
 */
public enum ExpositionFormat {
    TEXT("text/plain; version=0.0.4; charset=utf-8"),
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format for a request's {@code Accept} header (null when absent). */
    public static ExpositionFormat negotiate(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")
                ? OPENMETRICS
                : TEXT;
    }
}
