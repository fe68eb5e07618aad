package io.clusteragent.detect;

import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * memory_high: a container whose working set (what metrics-server reports, and what the kernel
 * compares with the limit before an OOM kill) is at or above a percentage of its memory limit.
 * Containers without a limit cannot be OOM-killed by it and are skipped. The pod's fullest container is reported.
 * A pod the node's own cgroup reading covers is judged by its working set there (the same figure, read by this agent
 * every few seconds), any other by metrics.k8s.io; the finding's {@code source} says which.
 */
public final class MemoryHighDetector implements Detector {

    /** Named in a finding's details when the working set came from metrics-server rather than the node's cgroups. */
    static final String METRICS_API = "metrics.k8s.io";

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
        input.cgroups().ifPresent(readings -> {
            for (Pod pod : input.pods()) {
                readings.pod(pod.getMetadata().getNamespace(), pod.getMetadata().getName())
                        .flatMap(containers -> fullestContainer(pod, workingSets(containers)))
                        .ifPresent(usage -> findings.add(finding(pod, usage, CgroupReadings.SOURCE, input)));
            }
        });
        for (PodMetrics metrics : input.state().podMetrics()) {
            String namespace = metrics.getMetadata().getNamespace();
            String name = metrics.getMetadata().getName();
            if (input.cgroups()
                    .flatMap(readings -> readings.pod(namespace, name))
                    .isPresent()) {
                continue;
            }
            Optional<Pod> pod = input.state().pod(namespace, name).filter(input::covers);
            pod.flatMap(p -> fullestContainer(p, workingSets(metrics)))
                    .ifPresent(usage -> findings.add(finding(pod.get(), usage, METRICS_API, input)));
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

    /** Each container's working set in bytes, as metrics-server relays it. */
    private static Map<String, Long> workingSets(PodMetrics metrics) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        if (metrics.getContainers() != null) {
            for (ContainerMetrics container : metrics.getContainers()) {
                bytes.put(container.getName(), Quantities.scaled(container.getUsage(), Quantities.MEMORY));
            }
        }
        return bytes;
    }

    /** Each container's working set in bytes, as the node's cgroup holds it; in name order, so ties are stable. */
    private static Map<String, Long> workingSets(Map<String, CgroupReadings.Usage> containers) {
        Map<String, Long> bytes = new TreeMap<>();
        containers.forEach(
                (name, usage) -> usage.workingSetBytes().ifPresent(workingSet -> bytes.put(name, workingSet)));
        return bytes;
    }

    private Optional<Usage> fullestContainer(Pod pod, Map<String, Long> workingSets) {
        Usage fullest = null;
        for (Map.Entry<String, Long> container : workingSets.entrySet()) {
            long limit = memoryLimit(pod, container.getKey());
            long used = container.getValue();
            if (limit > 0 && used * 100 >= limit * thresholdPercent) {
                Usage usage = new Usage(container.getKey(), used, limit);
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

    private Finding finding(Pod pod, Usage usage, String source, DetectionInput input) {
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
                        .put("source", source)
                        .build());
    }

    private record Usage(String container, long bytes, long limit) {
        double fraction() {
            return (double) bytes / limit;
        }
    }
}
