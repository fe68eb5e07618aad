package io.clusteragent.detect;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One reading of the node's own cgroups (the agent's {@code /metrics/cadvisor}, in DaemonSet mode), as the detectors
 * use it: per container, what the kernel counts, read at one instant. Detectors prefer it to metrics.k8s.io for the
 * pods it covers: it is read every few seconds on the node itself, not sampled and relayed by metrics-server.
 *
 * @param readAt when the cgroups were read; the same reading seen twice has the same instant
 * @param pods   by namespace and pod name: each container's figures by container name
 */
public record CgroupReadings(Instant readAt, Map<PodName, Map<String, Usage>> pods) {

    /** Named in the details of a finding made from these readings, so a user knows where the figures came from. */
    public static final String SOURCE = "cgroup";

    public CgroupReadings {
        Objects.requireNonNull(readAt, "readAt");
        pods = Map.copyOf(pods);
    }

    public record PodName(String namespace, String name) {}

    /**
     * @param cgroup          the container's cgroup ({@code id}); a new one means the container was started again
     * @param workingSetBytes {@code container_memory_working_set_bytes}; empty when the cgroup has no memory figures
     * @param cpuSeconds      {@code container_cpu_usage_seconds_total}, a counter that starts at 0 with the cgroup
     * @param oomKills        {@code container_oom_events_total}; empty when the kernel does not count them
     */
    public record Usage(String cgroup, OptionalLong workingSetBytes, double cpuSeconds, OptionalLong oomKills) {}

    /** The pod's containers in this reading; empty when it holds none of them, and the pod is judged by metrics.k8s.io. */
    public Optional<Map<String, Usage>> pod(String namespace, String name) {
        return Optional.ofNullable(pods.get(new PodName(namespace, name)));
    }

    public Optional<Usage> container(String namespace, String pod, String container) {
        return pod(namespace, pod).map(containers -> containers.get(container));
    }
}
