package io.clusteragent.kubestate;

import java.util.List;

/**
 * One sample of a family ({@code pkg/metric/metric.go} {@code Metric}): label keys and values in the order they
 * are written, and the value. The family's name is added when it renders; the resource's default labels are
 * prepended by {@link DefaultLabels}.
 */
public record Metric(List<String> labelKeys, List<String> labelValues, double value) {

    public Metric {
        labelKeys = List.copyOf(labelKeys);
        // Go strings are never nil; a fabric8 getter's null is the empty label value kube-state-metrics writes.
        labelValues = labelValues.stream().map(v -> v == null ? "" : v).toList();
        if (labelKeys.size() != labelValues.size()) {
            throw new IllegalArgumentException(
                    "expected labelKeys " + labelKeys + " to be of same length as labelValues " + labelValues);
        }
    }

    /** A sample with no labels of its own (only the default labels). */
    public static Metric of(double value) {
        return new Metric(List.of(), List.of(), value);
    }

    /** A sample with one label of its own. */
    public static Metric of(String key, String value, double sample) {
        return new Metric(List.of(key), java.util.Collections.singletonList(value), sample);
    }

    /** Go's {@code boolFloat64}. */
    public static double bool(boolean value) {
        return value ? 1 : 0;
    }
}
