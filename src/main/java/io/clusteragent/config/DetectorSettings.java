package io.clusteragent.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The detectors' thresholds, defaults as the issue tables give them.
 *
 * @param cpuThreshold           millicores a pod's average CPU usage must exceed
 * @param cpuWindow              PodMetrics samples averaged per pod
 * @param memoryThresholdPercent a container's working set, as a percentage of its memory limit, that is memory_high
 * @param podRestartThreshold    container restarts that are a crash loop even between back-offs
 * @param pendingThreshold       how long a pod may stay unschedulable before it is reported
 * @param burstThreshold         Warning occurrences of one reason for one object within {@code burstWindow}
 * @param cooldown               how long an OOM kill stays an incident, and how long before a persisting incident is notified again
 * @param platformNamespaces     globs ({@code *} only) of the namespaces whose incidents are Platform rather than Customer
 * @param nodeName               when present, only this node and the pods bound to it are examined
 */
public record DetectorSettings(
        double cpuThreshold,
        int cpuWindow,
        int memoryThresholdPercent,
        int podRestartThreshold,
        Duration pendingThreshold,
        int burstThreshold,
        Duration burstWindow,
        Duration cooldown,
        List<String> platformNamespaces,
        Optional<String> nodeName) {

    public static final List<String> DEFAULT_PLATFORM_NAMESPACES =
            List.of("kube-system", "kube-public", "kube-node-lease", "*-system");

    public DetectorSettings {
        positive("cpuThreshold", cpuThreshold);
        positive("cpuWindow", cpuWindow);
        positive("memoryThresholdPercent", memoryThresholdPercent);
        positive("podRestartThreshold", podRestartThreshold);
        positive("burstThreshold", burstThreshold);
        positive("pendingThreshold", pendingThreshold);
        positive("burstWindow", burstWindow);
        positive("cooldown", cooldown);
        platformNamespaces = List.copyOf(platformNamespaces);
        Objects.requireNonNull(nodeName, "nodeName");
    }

    public static DetectorSettings defaults() {
        return new DetectorSettings(
                50.0,
                3,
                90,
                5,
                Duration.ofMinutes(5),
                10,
                Duration.ofMinutes(5),
                Duration.ofMinutes(30),
                DEFAULT_PLATFORM_NAMESPACES,
                Optional.empty());
    }

    public DetectorSettings withNodeName(String node) {
        return new DetectorSettings(
                cpuThreshold,
                cpuWindow,
                memoryThresholdPercent,
                podRestartThreshold,
                pendingThreshold,
                burstThreshold,
                burstWindow,
                cooldown,
                platformNamespaces,
                Optional.ofNullable(node));
    }

    private static void positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
