package io.clusteragent.kubestate;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Kubernetes times (fabric8 keeps them as RFC 3339 strings) as the Unix seconds kube-state-metrics writes. */
public final class Timestamps {

    private Timestamps() {}

    /**
     * One sample of the time in whole Unix seconds (Go's {@code Time.Unix()}, rounding down), or no sample when the
     * time is unset ({@code IsZero()}) or unreadable.
     */
    public static List<Metric> unixSeconds(String time) {
        if (time == null || time.isBlank()) {
            return List.of();
        }
        try {
            return List.of(Metric.of(OffsetDateTime.parse(time).toEpochSecond()));
        } catch (DateTimeParseException e) {
            return List.of();
        }
    }
}
