package io.clusteragent.detect;

import io.clusteragent.quantity.PodRequests;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * memory_high: a container whose working set (what metrics-server reports, and what the kernel
 * compares with the limit before an OOM kill) is at or above a percentage of its memory limit.
 * Containers without a limit cannot be OOM-killed by it and are skipped. The pod's fullest container is reported.
 */
public final class MemoryHighDetector implements Detector {

    private final int thresholdPercent;

    public MemoryHighDetector(int thresholdPercent) {
        this.thresholdPercent = thresholdPercent;
    }

    @Override
    public FindingType type() {
        return FindingType.MEMORY_HIGH;
    }

    @Override
    public List<Finding> detect(DetectionInput input) {
        List<Finding> findings = new ArrayList<>();
        for (PodMetrics metrics : input.state().podMetrics()) {
            Optional<Pod> pod = input.state().pod(metrics.getMetadata().getNamespace(), metrics.getMetadata().getName())
                    .filter(input::covers);
            pod.flatMap(p -> fullestContainer(p, metrics))
                    .ifPresent(usage -> findings.add(finding(pod.get(), usage, input)));
        }
        return findings;
    }

    /** Percentages from 98 are critical, from 95 high; compared in whole bytes so the boundaries are exact. */
    static Severity severity(long usageBytes, long limitBytes) {
        if (usageBytes * 100 >= limitBytes * 98) {
            return Severity.CRITICAL;
        }
        return usageBytes * 100 >= limitBytes * 95 ? Severity.HIGH : Severity.MEDIUM;
    }

    private Optional<Usage> fullestContainer(Pod pod, PodMetrics metrics) {
        Map<String, Long> limits = memoryLimits(pod);
        Usage fullest = null;
        for (ContainerMetrics container : metrics.getContainers() == null ? List.<ContainerMetrics>of() : metrics.getContainers()) {
            Long limit = limits.get(container.getName());
            long used = Quantities.scaled(container.getUsage(), Quantities.MEMORY);
            if (limit != null && limit > 0 && used * 100 >= limit * thresholdPercent) {
                Usage usage = new Usage(container.getName(), used, limit);
                if (fullest == null || usage.fraction() > fullest.fraction()) {
                    fullest = usage;
                }
            }
        }
        return Optional.ofNullable(fullest);
    }

    private static Map<String, Long> memoryLimits(Pod pod) {
        Map<String, Long> limits = new HashMap<>();
        if (pod.getSpec() != null) {
            Stream.concat(pod.getSpec().getContainers().stream(), pod.getSpec().getInitContainers().stream())
                    .forEach(c -> limit(c).ifPresent(limit -> limits.put(c.getName(), limit)));
        }
        return limits;
    }

    private static Optional<Long> limit(Container container) {
        return Optional.ofNullable(PodRequests.amounts(container, ResourceRequirements::getLimits).get(Quantities.MEMORY));
    }

    private Finding finding(Pod pod, Usage usage, DetectionInput input) {
        String percent = Amounts.percent(usage.fraction() * 100);
        String message = "Container " + usage.container() + " of pod " + pod.getMetadata().getNamespace() + "/"
                + pod.getMetadata().getName() + " uses "
                + Amounts.bytes(usage.bytes()) + " of its " + Amounts.bytes(usage.limit()) + " memory limit (" + percent
                + ", threshold " + thresholdPercent + "%)";
        return Finding.of(type(), severity(usage.bytes(), usage.limit()), Subject.pod(pod, input.state()), message, Details.of()
                .put("container", usage.container())
                .put("current_usage", Amounts.bytes(usage.bytes()))
                .put("memory_limit", Amounts.bytes(usage.limit()))
                .put("usage_percent", percent)
                .put("threshold", thresholdPercent + "%")
                .build());
    }

    private record Usage(String container, long bytes, long limit) {
        double fraction() {
            return (double) bytes / limit;
        }
    }
}
