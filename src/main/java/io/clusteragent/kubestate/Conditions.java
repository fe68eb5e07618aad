package io.clusteragent.kubestate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code addConditionMetrics} ({@code internal/store/utils.go}): one sample per possible condition status,
 * {@code true}, {@code false}, {@code unknown} in that order, 1 on the object's status.
 */
public final class Conditions {

    private static final List<String> STATUSES = List.of("True", "False", "Unknown");

    private Conditions() {}

    /**
     * @param keys          the family's own label keys; the last one takes the lower-cased status
     * @param leadingValues the values of every key but the last (e.g. the condition type)
     * @param status        the object's status ({@code True}, {@code False}, {@code Unknown}; null matches none)
     */
    public static List<Metric> metrics(List<String> keys, List<String> leadingValues, String status) {
        List<Metric> metrics = new ArrayList<>(STATUSES.size());
        for (String candidate : STATUSES) {
            List<String> values = new ArrayList<>(leadingValues);
            values.add(candidate.toLowerCase(Locale.ROOT));
            metrics.add(new Metric(keys, values, Metric.bool(candidate.equals(status))));
        }
        return metrics;
    }
}
