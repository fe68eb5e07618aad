package io.clusteragent.monitoring.dashboards;

import java.util.List;

import static io.clusteragent.monitoring.dashboards.Panel.query;
import static io.clusteragent.monitoring.dashboards.Panel.stat;
import static io.clusteragent.monitoring.dashboards.Panel.table;
import static io.clusteragent.monitoring.dashboards.Panel.timeseries;

/** The whole cluster at a glance: what is broken, and how much of its capacity is promised and used. */
final class ClusterDashboard {

    private ClusterDashboard() {}

    static Dashboard definition() {
        return new Dashboard(
                "cluster-agent-cluster.json",
                "cluster-agent-cluster",
                "Kubernetes / Cluster overview (cluster-agent)",
                List.of(),
                List.of(health(), capacity(), usage(), objects()));
    }

    private static Dashboard.Row health() {
        return new Dashboard.Row(
                "Health",
                stat("Nodes", "Nodes in the cluster.", "short", "count(kube_node_info{job=\"kube-state-metrics\"})"),
                stat(
                        "Nodes not ready",
                        "Nodes whose Ready condition is not true (KubeNodeNotReady).",
                        "short",
                        "count(kube_node_status_condition{job=\"kube-state-metrics\", condition=\"Ready\", status=\"true\"} == 0) or vector(0)"),
                stat(
                        "Pods pending",
                        "Pods not yet scheduled or started.",
                        "short",
                        "sum(kube_pod_status_phase{job=\"kube-state-metrics\", phase=\"Pending\"})"),
                stat(
                        "Containers crash looping",
                        "Containers waiting in CrashLoopBackOff (KubePodCrashLooping).",
                        "short",
                        "sum(kube_pod_container_status_waiting_reason{job=\"kube-state-metrics\", reason=\"CrashLoopBackOff\"}) or vector(0)"),
                stat(
                        "Alerts firing",
                        "Alerts of every rule Prometheus evaluates, firing now.",
                        "short",
                        "count(ALERTS{alertstate=\"firing\"}) or vector(0)"));
    }

    private static Dashboard.Row capacity() {
        return new Dashboard.Row(
                "Requests and limits against allocatable",
                stat(
                        "CPU requests commitment",
                        "CPU requested by pending and running pods over the nodes' allocatable CPU (KubeCPUOvercommit).",
                        "percentunit",
                        "sum(namespace_cpu:kube_pod_container_resource_requests:sum) / sum(kube_node_status_allocatable{job=\"kube-state-metrics\", resource=\"cpu\"})"),
                stat(
                        "CPU limits commitment",
                        "CPU limits of pending and running pods over the nodes' allocatable CPU.",
                        "percentunit",
                        "sum(namespace_cpu:kube_pod_container_resource_limits:sum) / sum(kube_node_status_allocatable{job=\"kube-state-metrics\", resource=\"cpu\"})"),
                stat(
                        "Memory requests commitment",
                        "Memory requested by pending and running pods over the nodes' allocatable memory (KubeMemoryOvercommit).",
                        "percentunit",
                        "sum(namespace_memory:kube_pod_container_resource_requests:sum) / sum(kube_node_status_allocatable{job=\"kube-state-metrics\", resource=\"memory\"})"),
                stat(
                        "Memory limits commitment",
                        "Memory limits of pending and running pods over the nodes' allocatable memory.",
                        "percentunit",
                        "sum(namespace_memory:kube_pod_container_resource_limits:sum) / sum(kube_node_status_allocatable{job=\"kube-state-metrics\", resource=\"memory\"})"));
    }

    private static Dashboard.Row usage() {
        return new Dashboard.Row(
                "Usage by namespace",
                timeseries(
                        "CPU usage by namespace",
                        "CPU the containers use (cAdvisor), by namespace.",
                        "cores",
                        query(
                                "sum by (namespace) (node_namespace_pod_container:container_cpu_usage_seconds_total:sum_rate5m)",
                                "{{namespace}}")),
                timeseries(
                        "CPU requests by namespace",
                        "CPU requested by pending and running pods, by namespace.",
                        "cores",
                        query(
                                "sum by (namespace) (namespace_cpu:kube_pod_container_resource_requests:sum)",
                                "{{namespace}}")),
                timeseries(
                        "Memory usage by namespace",
                        "Working set of the containers (cAdvisor), by namespace.",
                        "bytes",
                        query(
                                "sum by (namespace) (node_namespace_pod_container:container_memory_working_set_bytes{container!=\"\"})",
                                "{{namespace}}")),
                timeseries(
                        "Memory requests by namespace",
                        "Memory requested by pending and running pods, by namespace.",
                        "bytes",
                        query(
                                "sum by (namespace) (namespace_memory:kube_pod_container_resource_requests:sum)",
                                "{{namespace}}")));
    }

    private static Dashboard.Row objects() {
        return new Dashboard.Row(
                "Objects in trouble",
                timeseries(
                        "Pods by phase",
                        "Pods in each phase.",
                        "short",
                        query("sum by (phase) (kube_pod_status_phase{job=\"kube-state-metrics\"})", "{{phase}}")),
                table(
                        "Deployments short of replicas",
                        "Deployments with unavailable replicas (KubeDeploymentReplicasMismatch).",
                        "kube_deployment_status_replicas_unavailable{job=\"kube-state-metrics\"} > 0"),
                table(
                        "StatefulSets short of ready replicas",
                        "Desired replicas minus ready ones (KubeStatefulSetReplicasMismatch).",
                        "kube_statefulset_replicas{job=\"kube-state-metrics\"} - kube_statefulset_status_replicas_ready{job=\"kube-state-metrics\"} > 0"),
                table(
                        "DaemonSets short of available pods",
                        "Pods desired minus pods available (KubeDaemonSetRolloutStuck).",
                        "kube_daemonset_status_desired_number_scheduled{job=\"kube-state-metrics\"} - kube_daemonset_status_number_available{job=\"kube-state-metrics\"} > 0"),
                table(
                        "Pending claims",
                        "PersistentVolumeClaims no volume is bound to (KubePersistentVolumeClaimPending).",
                        "kube_persistentvolumeclaim_status_phase{job=\"kube-state-metrics\", phase=\"Pending\"} == 1"),
                table(
                        "Node taints",
                        "Taints on nodes: unreachable, not-ready, cordoned, dedicated.",
                        "kube_node_spec_taint{job=\"kube-state-metrics\"}"));
    }
}
