package io.clusteragent.detect;

import io.clusteragent.analysis.Rfc3339;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The last {@code window} CPU samples of each pod, in millicores summed over its containers.
 *
 * <p>metrics-server refreshes a pod's sample every 15 to 60 seconds, independently of our polling, so
 * a sample is identified by its {@code timestamp}: recording the same PodMetrics twice adds it once,
 * and an average is never skewed by a sample counted twice.
 */
public final class MetricsHistory {

    private final int window;
    private final Map<PodKey, Samples> byPod = new HashMap<>();
    private long generation;

    public MetricsHistory(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        this.window = window;
    }

    /** Adds each pod's new sample and forgets pods the metrics API no longer reports. */
    public void record(Iterable<PodMetrics> metrics, Instant polledAt) {
        long current = ++generation;
        for (PodMetrics pod : metrics) {
            Samples samples = byPod.computeIfAbsent(
                    new PodKey(
                            pod.getMetadata().getNamespace(), pod.getMetadata().getName()),
                    k -> new Samples());
            samples.generation = current;
            if (pod.getTimestamp() == null || !pod.getTimestamp().equals(samples.lastTimestamp)) {
                Instant sampledAt = Rfc3339.parse(pod.getTimestamp());
                samples.add(pod.getTimestamp(), sampledAt == null ? polledAt : sampledAt, cpuMillicores(pod), window);
            }
        }
        byPod.values().removeIf(samples -> samples.generation != current);
    }

    /** The average of the last {@code window} samples; empty until that many samples were recorded. */
    public OptionalDouble averageCpu(String namespace, String name) {
        Samples samples = byPod.get(new PodKey(namespace, name));
        return samples == null || samples.values.size() < window ? OptionalDouble.empty() : samples.average();
    }

    public int window() {
        return window;
    }

    private static double cpuMillicores(PodMetrics pod) {
        double total = 0;
        if (pod.getContainers() != null) {
            for (ContainerMetrics container : pod.getContainers()) {
                total += container.getUsage() == null
                        ? 0
                        : millicores(container.getUsage().get(Quantities.CPU));
            }
        }
        return total;
    }

    /**
     * Usage is measured, not requested: unlike {@link Quantities#scaled} it is not rounded up to a
     * whole millicore, which would move a pod across a severity boundary. metrics-server reports
     * whole nanocores ({@code 54900000n}), read here without BigDecimal.
     */
    static double millicores(Quantity quantity) {
        if (quantity == null) {
            return 0;
        }
        String amount = quantity.getAmount();
        String format = quantity.getFormat() == null ? "" : quantity.getFormat();
        if (amount != null
                && amount.length() <= 15
                && amount.chars().allMatch(Character::isDigit)
                && !amount.isEmpty()) {
            long value = Long.parseLong(amount);
            switch (format) {
                case "n":
                    return value / 1_000_000.0;
                case "u":
                    return value / 1_000.0;
                case "m":
                    return value;
                case "":
                    return value * 1000.0;
                default:
                    break;
            }
        }
        return Quantity.getAmountInBytes(quantity).movePointRight(3).doubleValue();
    }

    /** Its strings are the cached objects' own, whose hashes the JVM keeps: no key text is built per poll. */
    private record PodKey(String namespace, String name) {}

    private static final class Samples {
        private final ArrayDeque<Double> values = new ArrayDeque<>();
        private Instant last;
        private String lastTimestamp = "";
        private long generation;

        void add(String timestamp, Instant sampledAt, double millicores, int window) {
            lastTimestamp = timestamp == null ? "" : timestamp;
            if (sampledAt.equals(last)) {
                return;
            }
            last = sampledAt;
            values.addLast(millicores);
            while (values.size() > window) {
                values.removeFirst();
            }
        }

        OptionalDouble average() {
            double sum = 0;
            for (double value : values) {
                sum += value;
            }
            return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(sum / values.size());
        }
    }
}
