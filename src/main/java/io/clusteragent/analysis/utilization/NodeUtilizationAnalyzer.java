package io.clusteragent.analysis.utilization;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.Rfc3339;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Computes {@link NodeUtilization}: metrics-server usage and pod reservations against the node's allocatable resources. */
public final class NodeUtilizationAnalyzer {

    private static final long MEBIBYTE = 1024 * 1024;

    private NodeUtilizationAnalyzer() {}

    /**
     * @param metrics    the node's metrics.k8s.io sample; null when there is none, which leaves the usage fields null
     * @param podsOnNode the pods bound to the node; terminated ones (Succeeded, Failed) are skipped as kubectl does
     * @param now        the analysis clock, for the sample's age
     */
    public static NodeUtilization analyze(Node node, NodeMetrics metrics, List<Pod> podsOnNode, Instant now) {
        String nodeName = node.getMetadata().getName();
        Map<String, Quantity> capacity =
                node.getStatus() == null ? null : node.getStatus().getCapacity();
        Map<String, Quantity> allocatable =
                node.getStatus() == null ? null : node.getStatus().getAllocatable();
        Map<String, Quantity> usage = metrics == null ? null : metrics.getUsage();
        long cpuAllocatable = Quantities.scaled(allocatable, Quantities.CPU);
        long memoryAllocatable = Quantities.scaled(allocatable, Quantities.MEMORY);
        Long cpuUsage = usage == null ? null : Quantities.scaled(usage, Quantities.CPU);
        Long memoryUsage = usage == null ? null : Quantities.scaled(usage, Quantities.MEMORY);
        Instant sampledAt = metrics == null ? null : Rfc3339.parse(metrics.getTimestamp());
        Allocations allocations = Allocations.of(nodeName, podsOnNode, allocatable);

        return new NodeUtilization(
                nodeName,
                cpuUsage == null ? null : millicores(cpuUsage),
                millicores(Quantities.scaled(capacity, Quantities.CPU)),
                millicores(cpuAllocatable),
                cpuUsage == null ? null : Percentages.of(cpuUsage, cpuAllocatable),
                memoryUsage == null ? null : mebibytes(memoryUsage),
                mebibytes(Quantities.scaled(capacity, Quantities.MEMORY)),
                mebibytes(memoryAllocatable),
                memoryUsage == null ? null : Percentages.of(memoryUsage, memoryAllocatable),
                sampledAt,
                sampledAt,
                metrics == null || metrics.getWindow() == null
                        ? null
                        : window(metrics.getWindow().getDuration()),
                sampledAt == null ? null : HumanDuration.format(Duration.between(sampledAt, now)),
                allocations.requests(),
                allocations.limits(),
                allocations.podCount(),
                Quantities.scaled(allocatable, Quantities.PODS));
    }

    private static String millicores(long millicores) {
        return millicores + "m";
    }

    private static String mebibytes(long bytes) {
        return bytes / MEBIBYTE + "Mi";
    }

    /** Go's duration text for the short windows metrics-server reports: {@code 30s}, {@code 20.5s}, {@code 1m30s}. */
    static String window(Duration window) {
        if (window == null) {
            return null;
        }
        long minutes = window.toMinutes();
        Duration rest = window.minusMinutes(minutes);
        String seconds =
                BigDecimal.valueOf(rest.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
        return minutes == 0 ? seconds : minutes + "m" + seconds;
    }
}
