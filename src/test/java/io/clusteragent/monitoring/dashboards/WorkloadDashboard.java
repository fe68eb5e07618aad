package io.clusteragent.monitoring.dashboards;

import java.util.List;

import static io.clusteragent.monitoring.dashboards.Panel.query;
import static io.clusteragent.monitoring.dashboards.Panel.table;
import static io.clusteragent.monitoring.dashboards.Panel.timeseries;

/**
 * A namespace by workload, and one workload by pod. Pods are tied to their Deployment, StatefulSet,
 * DaemonSet or Job by the recording rule namespace_workload_pod:kube_pod_owner:relabel.
 */
final class WorkloadDashboard {

    /** Each pod of the namespace, labelled with its workload. */
    private static final String OWNERS = "namespace_workload_pod:kube_pod_owner:relabel{namespace=\"$namespace\"}";

    private static final String WORKLOAD_PODS =
            "namespace_workload_pod:kube_pod_owner:relabel{namespace=\"$namespace\", workload=\"$workload\"}";

    private WorkloadDashboard() {}

    static Dashboard definition() {
        return new Dashboard(
                "cluster-agent-workload.json",
                "cluster-agent-workload",
                "Kubernetes / Namespace and workload (cluster-agent)",
                List.of(
                        new Variable("namespace", "Namespace", "kube_pod_info{job=\"kube-state-metrics\"}"),
                        new Variable("workload", "Workload", OWNERS)),
                List.of(namespace(), namespaceTrouble(), workload()));
    }

    private static Dashboard.Row namespace() {
        return new Dashboard.Row(
                "Namespace by workload",
                timeseries(
                        "CPU usage by workload",
                        "CPU the workloads' containers use (cAdvisor).",
                        "cores",
                        query(
                                "sum by (workload, workload_type) (node_namespace_pod_container:container_cpu_usage_seconds_total:sum_rate5m{namespace=\"$namespace\"} * on (namespace, pod) group_left(workload, workload_type) "
                                        + OWNERS + ")",
                                "{{workload_type}}/{{workload}}")),
                timeseries(
                        "CPU requests by workload",
                        "CPU requested by the workloads' pending and running pods.",
                        "cores",
                        query(
                                "sum by (workload, workload_type) (cluster:namespace:pod_cpu:active:kube_pod_container_resource_requests{namespace=\"$namespace\"} * on (namespace, pod) group_left(workload, workload_type) "
                                        + OWNERS + ")",
                                "{{workload_type}}/{{workload}}")),
                timeseries(
                        "Memory usage by workload",
                        "Working set of the workloads' containers (cAdvisor).",
                        "bytes",
                        query(
                                "sum by (workload, workload_type) (node_namespace_pod_container:container_memory_working_set_bytes{namespace=\"$namespace\", container!=\"\"} * on (namespace, pod) group_left(workload, workload_type) "
                                        + OWNERS + ")",
                                "{{workload_type}}/{{workload}}")),
                timeseries(
                        "Memory requests by workload",
                        "Memory requested by the workloads' pending and running pods.",
                        "bytes",
                        query(
                                "sum by (workload, workload_type) (cluster:namespace:pod_memory:active:kube_pod_container_resource_requests{namespace=\"$namespace\"} * on (namespace, pod) group_left(workload, workload_type) "
                                        + OWNERS + ")",
                                "{{workload_type}}/{{workload}}")));
    }

    private static Dashboard.Row namespaceTrouble() {
        return new Dashboard.Row(
                "Namespace in trouble",
                timeseries(
                        "Pods by phase",
                        "The namespace's pods in each phase.",
                        "short",
                        query(
                                "sum by (phase) (kube_pod_status_phase{job=\"kube-state-metrics\", namespace=\"$namespace\"})",
                                "{{phase}}")),
                table(
                        "Containers waiting",
                        "Containers not running, and why (KubePodCrashLooping, KubeContainerWaiting). The agent explains each: GET /api/v1/pods/{namespace}/{pod}/failure-events.",
                        "kube_pod_container_status_waiting_reason{job=\"kube-state-metrics\", namespace=\"$namespace\"} == 1"),
                timeseries(
                        "Deployment replicas",
                        "Desired replicas against available ones (KubeDeploymentReplicasMismatch).",
                        "short",
                        query(
                                "kube_deployment_spec_replicas{job=\"kube-state-metrics\", namespace=\"$namespace\"}",
                                "{{deployment}} desired"),
                        query(
                                "kube_deployment_status_replicas_available{job=\"kube-state-metrics\", namespace=\"$namespace\"}",
                                "{{deployment}} available")));
    }

    private static Dashboard.Row workload() {
        return new Dashboard.Row(
                "Workload by pod",
                timeseries(
                        "CPU usage by pod",
                        "CPU the workload's containers use (cAdvisor).",
                        "cores",
                        query(
                                "sum by (pod) (node_namespace_pod_container:container_cpu_usage_seconds_total:sum_rate5m{namespace=\"$namespace\"} * on (namespace, pod) group_left() "
                                        + WORKLOAD_PODS + ")",
                                "{{pod}}")),
                timeseries(
                        "Memory usage by pod",
                        "Working set of the workload's containers (cAdvisor).",
                        "bytes",
                        query(
                                "sum by (pod) (node_namespace_pod_container:container_memory_working_set_bytes{namespace=\"$namespace\", container!=\"\"} * on (namespace, pod) group_left() "
                                        + WORKLOAD_PODS + ")",
                                "{{pod}}")),
                timeseries(
                        "Container restarts by pod",
                        "Restarts of the workload's containers, over 10 minutes.",
                        "short",
                        query(
                                "sum by (pod) (increase(kube_pod_container_status_restarts_total{job=\"kube-state-metrics\", namespace=\"$namespace\"}[10m]) * on (namespace, pod) group_left() "
                                        + WORKLOAD_PODS + ")",
                                "{{pod}}")),
                table(
                        "Pods not ready",
                        "The workload's pods whose Ready condition is not true (KubePodNotReady).",
                        "kube_pod_status_ready{job=\"kube-state-metrics\", namespace=\"$namespace\", condition=\"true\"} * on (namespace, pod) group_left() "
                                + WORKLOAD_PODS + " == 0"));
    }
}
