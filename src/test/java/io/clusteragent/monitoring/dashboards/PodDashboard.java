package io.clusteragent.monitoring.dashboards;

import java.util.List;

import static io.clusteragent.monitoring.dashboards.Panel.query;
import static io.clusteragent.monitoring.dashboards.Panel.table;
import static io.clusteragent.monitoring.dashboards.Panel.timeseries;

/** One pod by container: usage against requests and limits, throttling, OOM kills and restarts. */
final class PodDashboard {

    private static final String CONTAINERS = "namespace=\"$namespace\", pod=\"$pod\"";

    private PodDashboard() {}

    static Dashboard definition() {
        return new Dashboard(
                "cluster-agent-pod.json",
                "cluster-agent-pod",
                "Kubernetes / Pod (cluster-agent)",
                List.of(
                        new Variable("namespace", "Namespace", "kube_pod_info{job=\"kube-state-metrics\"}"),
                        new Variable(
                                "pod", "Pod", "kube_pod_info{job=\"kube-state-metrics\", namespace=\"$namespace\"}")),
                List.of(resources(), kills(), state()));
    }

    private static Dashboard.Row resources() {
        return new Dashboard.Row(
                "Resources by container",
                timeseries(
                        "CPU",
                        "CPU used (cAdvisor) against the containers' requests and limits.",
                        "cores",
                        query(
                                "sum by (container) (rate(container_cpu_usage_seconds_total{job=\"cadvisor\", "
                                        + CONTAINERS + ", container!=\"\", image!=\"\"}[5m]))",
                                "{{container}} usage"),
                        query(
                                "sum by (container) (kube_pod_container_resource_requests{job=\"kube-state-metrics\", "
                                        + CONTAINERS + ", resource=\"cpu\"})",
                                "{{container}} request"),
                        query(
                                "sum by (container) (kube_pod_container_resource_limits{job=\"kube-state-metrics\", "
                                        + CONTAINERS + ", resource=\"cpu\"})",
                                "{{container}} limit")),
                timeseries(
                        "Memory",
                        "Working set (cAdvisor) against the containers' requests and limits; the kernel kills a container whose usage reaches its limit.",
                        "bytes",
                        query(
                                "sum by (container) (container_memory_working_set_bytes{job=\"cadvisor\", " + CONTAINERS
                                        + ", container!=\"\", image!=\"\"})",
                                "{{container}} working set"),
                        query(
                                "sum by (container) (kube_pod_container_resource_requests{job=\"kube-state-metrics\", "
                                        + CONTAINERS + ", resource=\"memory\"})",
                                "{{container}} request"),
                        query(
                                "sum by (container) (kube_pod_container_resource_limits{job=\"kube-state-metrics\", "
                                        + CONTAINERS + ", resource=\"memory\"})",
                                "{{container}} limit")),
                timeseries(
                        "CPU throttling",
                        "Share of CFS periods in which the container was throttled (CPUThrottlingHigh above 25%).",
                        "percentunit",
                        query(
                                "sum by (container) (increase(container_cpu_cfs_throttled_periods_total{job=\"cadvisor\", "
                                        + CONTAINERS
                                        + ", container!=\"\"}[5m])) / sum by (container) (increase(container_cpu_cfs_periods_total{job=\"cadvisor\", "
                                        + CONTAINERS + ", container!=\"\"}[5m]))",
                                "{{container}}")));
    }

    private static Dashboard.Row kills() {
        return new Dashboard.Row(
                "Restarts and kills",
                timeseries(
                        "Restarts",
                        "Restarts of each container since the pod started.",
                        "short",
                        query(
                                "sum by (container) (kube_pod_container_status_restarts_total{job=\"kube-state-metrics\", "
                                        + CONTAINERS + "})",
                                "{{container}}")),
                timeseries(
                        "OOM events",
                        "Times the kernel's OOM killer acted in the container's cgroup (ContainerOOMEvents).",
                        "short",
                        query(
                                "sum by (container) (increase(container_oom_events_total{job=\"cadvisor\", "
                                        + CONTAINERS + ", container!=\"\"}[15m]))",
                                "{{container}}")),
                table(
                        "Last termination",
                        "Why each container last stopped: OOMKilled, Error, Completed (KubeContainerOOMKilled). The agent adds the exit code and events: GET /api/v1/pods/{namespace}/{pod}/failure-events.",
                        "kube_pod_container_status_last_terminated_reason{job=\"kube-state-metrics\", " + CONTAINERS
                                + "} == 1"));
    }

    private static Dashboard.Row state() {
        return new Dashboard.Row(
                "State",
                table(
                        "Pod",
                        "Node, addresses and owner.",
                        "kube_pod_info{job=\"kube-state-metrics\", " + CONTAINERS + "}"),
                table(
                        "Phase",
                        "The pod's phase.",
                        "kube_pod_status_phase{job=\"kube-state-metrics\", " + CONTAINERS + "} == 1"),
                table(
                        "Containers",
                        "1 where the container is ready; waiting containers and their reason are on the workload dashboard.",
                        "kube_pod_container_status_ready{job=\"kube-state-metrics\", " + CONTAINERS + "}"));
    }
}
