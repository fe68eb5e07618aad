package io.clusteragent.kubestate;

import java.util.List;

/**
 * The one-sample families of the workload resources. kube-state-metrics reads Go struct fields, where an absent
 * count is 0 and an absent pointer is nil; fabric8 gives null for both, so each family says which it means.
 */
final class Samples {

    private Samples() {}

    /** A count Go reads as a plain integer field: absent is 0. */
    static List<Metric> count(Number value) {
        return List.of(Metric.of(value == null ? 0 : value.doubleValue()));
    }

    /** A Go pointer field ({@code if x != nil}): no sample when absent. */
    static List<Metric> ifSet(Number value) {
        return value == null ? List.of() : List.of(Metric.of(value.doubleValue()));
    }

    /** A Go {@code bool} field: absent is false. */
    static List<Metric> flag(Boolean value) {
        return List.of(Metric.of(Metric.bool(Boolean.TRUE.equals(value))));
    }
}
