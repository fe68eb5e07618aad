package io.clusteragent.kubestate;

import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code kube_horizontalpodautoscaler_spec_target_metric} and {@code _status_target_metric} samples: per
 * metric of a supported source type, one sample for each of value, utilization and average value that is set,
 * labelled {@code metric_name, metric_target_type, container}. kube-state-metrics collects these three in a Go map,
 * so their order varies from scrape to scrape there; here it is always value, utilization, average.
 */
final class HpaTargetMetrics {

    private static final List<String> KEYS = List.of("metric_name", "metric_target_type", "container");
    /** {@code resource.MaxMilliValue}: above it a quantity's milli-value would overflow int64. */
    private static final long MAX_MILLI_VALUE = Long.MAX_VALUE / 1000;

    private HpaTargetMetrics() {}

    /** One metric's name, container and the three readings, from a spec target or a status current value. */
    private record Reading(String name, String container, Quantity value, Integer utilization, Quantity average) {

        static Reading ofTarget(String name, String container, MetricTarget target) {
            return target == null
                    ? new Reading(name, container, null, null, null)
                    : new Reading(
                            name,
                            container,
                            target.getValue(),
                            target.getAverageUtilization(),
                            target.getAverageValue());
        }

        static Reading ofCurrent(String name, String container, MetricValueStatus current) {
            return current == null
                    ? new Reading(name, container, null, null, null)
                    : new Reading(
                            name,
                            container,
                            current.getValue(),
                            current.getAverageUtilization(),
                            current.getAverageValue());
        }
    }

    static List<Metric> spec(List<MetricSpec> metrics) {
        List<Metric> samples = new ArrayList<>();
        for (MetricSpec spec : metrics == null ? List.<MetricSpec>of() : metrics) {
            Reading reading = specReading(spec);
            if (reading != null) {
                addSamples(reading, samples);
            }
        }
        return samples;
    }

    static List<Metric> status(List<MetricStatus> metrics) {
        List<Metric> samples = new ArrayList<>();
        for (MetricStatus status : metrics == null ? List.<MetricStatus>of() : metrics) {
            Reading reading = statusReading(status);
            if (reading != null) {
                addSamples(reading, samples);
            }
        }
        return samples;
    }

    /** Null for an unsupported type, or a type whose source is missing (Go would skip or, for spec, panic). */
    private static Reading specReading(MetricSpec m) {
        String type = m.getType() == null ? "" : m.getType();
        return switch (type) {
            case "Object" ->
                m.getObject() == null
                        ? null
                        : Reading.ofTarget(
                                name(m.getObject().getMetric()),
                                "",
                                m.getObject().getTarget());
            case "Pods" ->
                m.getPods() == null
                        ? null
                        : Reading.ofTarget(
                                name(m.getPods().getMetric()), "", m.getPods().getTarget());
            case "Resource" ->
                m.getResource() == null
                        ? null
                        : Reading.ofTarget(
                                m.getResource().getName(), "", m.getResource().getTarget());
            case "ContainerResource" ->
                m.getContainerResource() == null
                        ? null
                        : Reading.ofTarget(
                                m.getContainerResource().getName(),
                                m.getContainerResource().getContainer(),
                                m.getContainerResource().getTarget());
            case "External" ->
                m.getExternal() == null
                        ? null
                        : Reading.ofTarget(
                                name(m.getExternal().getMetric()),
                                "",
                                m.getExternal().getTarget());
            default -> null;
        };
    }

    private static Reading statusReading(MetricStatus m) {
        String type = m.getType() == null ? "" : m.getType();
        return switch (type) {
            case "Object" ->
                m.getObject() == null
                        ? null
                        : Reading.ofCurrent(
                                name(m.getObject().getMetric()),
                                "",
                                m.getObject().getCurrent());
            case "Pods" ->
                m.getPods() == null
                        ? null
                        : Reading.ofCurrent(
                                name(m.getPods().getMetric()), "", m.getPods().getCurrent());
            case "Resource" ->
                m.getResource() == null
                        ? null
                        : Reading.ofCurrent(
                                m.getResource().getName(), "", m.getResource().getCurrent());
            case "ContainerResource" ->
                m.getContainerResource() == null
                        ? null
                        : Reading.ofCurrent(
                                m.getContainerResource().getName(),
                                m.getContainerResource().getContainer(),
                                m.getContainerResource().getCurrent());
            case "External" ->
                m.getExternal() == null
                        ? null
                        : Reading.ofCurrent(
                                name(m.getExternal().getMetric()),
                                "",
                                m.getExternal().getCurrent());
            default -> null;
        };
    }

    private static String name(MetricIdentifier identifier) {
        return identifier == null ? "" : identifier.getName();
    }

    private static void addSamples(Reading reading, List<Metric> samples) {
        if (reading.value() != null) {
            samples.add(sample(reading, "value", toFloat(reading.value())));
        }
        if (reading.utilization() != null) {
            samples.add(sample(reading, "utilization", reading.utilization()));
        }
        if (reading.average() != null) {
            samples.add(sample(reading, "average", toFloat(reading.average())));
        }
    }

    private static Metric sample(Reading reading, String targetType, double value) {
        List<String> values = new ArrayList<>(3);
        values.add(reading.name());
        values.add(targetType);
        values.add(reading.container());
        return new Metric(KEYS, values, value);
    }

    /**
     * {@code convertValueToFloat64}: the milli-value (rounded up) divided by 1000, or the whole value (rounded up)
     * where the milli-value would overflow.
     */
    static double toFloat(Quantity quantity) {
        long whole = Quantity.getAmountInBytes(quantity)
                .setScale(0, RoundingMode.CEILING)
                .longValue();
        if (whole > MAX_MILLI_VALUE) {
            return whole;
        }
        return Quantities.scaled(Quantities.CPU, quantity) / 1000.0;
    }
}
