package io.clusteragent.kubestate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /**
     * The format for a request's {@code Accept} header (null when absent), as {@code expfmt.NegotiateIncludingOpenMetrics}
     * picks it: the media ranges by falling quality, the first OpenMetrics or plain-text one wins; anything else
     * (protobuf, {@code *}{@code /*}) falls through to the 0.0.4 text format.
     */
    public static ExpositionFormat negotiate(String accept) {
        if (accept == null) {
            return TEXT;
        }
        List<String[]> ranges = new ArrayList<>();
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String quality = "1";
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    quality = parameter.substring(2);
                }
            }
            ranges.add(new String[] {parts[0].trim().toLowerCase(Locale.ROOT), quality});
        }
        ranges.sort(Comparator.comparingDouble((String[] range) -> -quality(range[1])));
        for (String[] range : ranges) {
            if (quality(range[1]) <= 0) {
                continue;
            }
            if (range[0].equals("application/openmetrics-text")) {
                return OPENMETRICS;
            }
            if (range[0].equals("text/plain")) {
                return TEXT;
            }
        }
        return TEXT;
    }

    private static double quality(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
