package io.clusteragent.cadvisor;

/**
 * The six labels kubelet puts on every {@code /metrics/cadvisor} series ({@code containerPrometheusLabelsFunc}
 * in {@code pkg/kubelet/server/server.go}), in the order the Prometheus client writes them (sorted by name).
 * A label kubelet has no value for is {@code ""}: every series of a family carries the same names.
 *
 * @param container the container's name; {@code ""} for the pod's cgroup and its sandbox
 * @param id        the cgroup's path, which is cAdvisor's name for the container
 * @param image     the image the runtime reports ({@code status.containerStatuses[].image})
 * @param name      the runtime's name for the container (cAdvisor's first alias); {@code ""} for the pod's cgroup
 */
record SeriesLabels(String container, String id, String image, String name, String namespace, String pod) {

    static final String[] NAMES = {"container", "id", "image", "name", "namespace", "pod"};

    String[] values() {
        return new String[] {container, id, image, name, namespace, pod};
    }
}
