package io.clusteragent.analysis.utilization;

import java.time.Instant;
import java.util.Map;

/**
 * A node's usage as {@code kubectl top node} shows it, next to what its pods reserved as
 * {@code kubectl describe node} shows it ("Allocated resources").
 *
 * <p>Percentages are of <em>allocatable</em>, as kubectl computes them: capacity minus what the
 * kubelet reserves for the system is what pods can actually get, so usage near 100% means pods are
 * about to be throttled or evicted. They are not capped at 100: usage can exceed allocatable when
 * system daemons use more than their reservation, and hiding that hides the problem. Usage,
 * capacity and allocatable are in kubectl top's units (CPU in millicores rounded up, memory in
 * whole Mi rounded down); percentages are rounded to one decimal.
 *
 * @param cpuUsage         null when no metrics sample exists for the node (metrics-server missing or not yet scraped)
 * @param cpuPercentage    usage as a percentage of allocatable CPU; null without a sample or without allocatable CPU
 * @param timestamp        when the metrics sample was taken (not when this was computed); null without a sample
 * @param metricsTimestamp the same instant, under the name the metrics API uses
 * @param metricsWindow    the span the usage was averaged over, e.g. {@code 30s}; as the model reports it, and
 *                         fabric8 7.8's Duration parser misreads fractional seconds ({@code 20.037s} becomes 37s)
 * @param metricsAge       how old the sample is at analysis time
 * @param requests         the sum of effective requests of the node's non-terminated pods, by resource
 * @param limits           the same for limits; a pod without a limit adds nothing (it is unbounded)
 * @param podCount         non-terminated pods on the node
 * @param podCapacity      the node's allocatable pod count
 */
public record NodeUtilization(
        String nodeName,
        String cpuUsage,
        String cpuCapacity,
        String cpuAllocatable,
        Double cpuPercentage,
        String memoryUsage,
        String memoryCapacity,
        String memoryAllocatable,
        Double memoryPercentage,
        Instant timestamp,
        Instant metricsTimestamp,
        String metricsWindow,
        String metricsAge,
        Map<String, Allocation> requests,
        Map<String, Allocation> limits,
        int podCount,
        long podCapacity) {

    /**
     * @param amount     as kubectl describe node prints it ({@code 850m}, {@code 1536Mi})
     * @param percentage of the node's allocatable amount, one decimal; null when the node has none to offer
     */
    public record Allocation(String amount, Double percentage) {}
}
