package io.clusteragent.detect;

import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            Optional<Pod> pod = input.state()
                    .pod(
                            metrics.getMetadata().getNamespace(),
                            metrics.getMetadata().getName())
                    .filter(input::covers);
            pod.flatMap(p -> fullestContainer(p, metrics))
                    .ifPresent(usage -> findings.add(finding(pod.get(), usage, input)));
        }
        return findings;
    }

    /** Percentages from 98 are critical, from 95 high; compared in whole bytes so the boundaries are exact. */
    static IncidentSeverity severity(long usageBytes, long limitBytes) {
        if (usageBytes * 100 >= limitBytes * 98) {
            return IncidentSeverity.CRITICAL;
        }
        return usageBytes * 100 >= limitBytes * 95 ? IncidentSeverity.HIGH : IncidentSeverity.MEDIUM;
    }

    private Optional<Usage> fullestContainer(Pod pod, PodMetrics metrics) {
        Usage fullest = null;
        for (ContainerMetrics container :
                metrics.getContainers() == null ? List.<ContainerMetrics>of() : metrics.getContainers()) {
            long limit = memoryLimit(pod, container.getName());
            long used = limit > 0 ? Quantities.scaled(container.getUsage(), Quantities.MEMORY) : 0;
            if (limit > 0 && used * 100 >= limit * thresholdPercent) {
                Usage usage = new Usage(container.getName(), used, limit);
                if (fullest == null || usage.fraction() > fullest.fraction()) {
                    fullest = usage;
                }
            }
        }
        return Optional.ofNullable(fullest);
    }

    /** The container's memory limit in bytes; 0 when it has none (it cannot run out of a limit it lacks). */
    private static long memoryLimit(Pod pod, String containerName) {
        if (pod.getSpec() == null) {
            return 0;
        }
        for (List<Container> containers :
                List.of(pod.getSpec().getContainers(), pod.getSpec().getInitContainers())) {
            for (Container container : containers) {
                if (container.getName().equals(containerName)) {
                    ResourceRequirements resources = container.getResources();
                    return resources == null ? 0 : Quantities.scaled(resources.getLimits(), Quantities.MEMORY);
                }
            }
        }
        return 0;
    }

    private Finding finding(Pod pod, Usage usage, DetectionInput input) {
        String percent = Amounts.percent(usage.fraction() * 100);
        String message = "Container " + usage.container() + " of pod "
                + pod.getMetadata().getNamespace() + "/"
                + pod.getMetadata().getName() + " uses "
                + Amounts.bytes(usage.bytes()) + " of its " + Amounts.bytes(usage.limit()) + " memory limit (" + percent
                + ", threshold " + thresholdPercent + "%)";
        return Finding.of(
                type(),
                severity(usage.bytes(), usage.limit()),
                Subject.pod(pod, input.state()),
                message,
                Details.of()
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
