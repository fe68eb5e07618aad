package io.clusteragent.monitoring.dashboards;

import java.util.List;

import static io.clusteragent.monitoring.dashboards.Panel.query;
import static io.clusteragent.monitoring.dashboards.Panel.stat;
import static io.clusteragent.monitoring.dashboards.Panel.table;
import static io.clusteragent.monitoring.dashboards.Panel.timeseries;

/** One node: what it offers, what its pods request and use, and its conditions. */
final class NodeDashboard {

    private NodeDashboard() {}

    static Dashboard definition() {
        return new Dashboard(
                "cluster-agent-node.json",
                "cluster-agent-node",
                "Kubernetes / Node (cluster-agent)",
                List.of(new Variable("node", "Node", "kube_node_info{job=\"kube-state-metrics\"}")),
                List.of(capacity(), pods(), state()));
    }

    private static Dashboard.Row capacity() {
        return new Dashboard.Row(
                "Capacity",
                stat(
                        "Allocatable CPU",
                        "CPU the scheduler may give to pods.",
                        "cores",
                        "sum(kube_node_status_allocatable{job=\"kube-state-metrics\", node=\"$node\", resource=\"cpu\"})"),
                stat(
                        "Allocatable memory",
                        "Memory the scheduler may give to pods.",
                        "bytes",
                        "sum(kube_node_status_allocatable{job=\"kube-state-metrics\", node=\"$node\", resource=\"memory\"})"),
                stat(
                        "Pods",
                        "Pods bound to the node, against its capacity for pods.",
                        "short",
                        "count(kube_pod_info{job=\"kube-state-metrics\", node=\"$node\"})"),
                stat(
                        "Pod capacity",
                        "How many pods the kubelet accepts.",
                        "short",
                        "sum(kube_node_status_capacity{job=\"kube-state-metrics\", node=\"$node\", resource=\"pods\"})"),
                stat(
                        "CPU requested",
                        "CPU requested by the node's pods, over its allocatable CPU.",
                        "percentunit",
                        "sum(kube_pod_container_resource_requests{job=\"kube-state-metrics\", node=\"$node\", resource=\"cpu\"}) / sum(kube_node_status_allocatable{job=\"kube-state-metrics\", node=\"$node\", resource=\"cpu\"})"),
                stat(
                        "Memory requested",
                        "Memory requested by the node's pods, over its allocatable memory.",
                        "percentunit",
                        "sum(kube_pod_container_resource_requests{job=\"kube-state-metrics\", node=\"$node\", resource=\"memory\"}) / sum(kube_node_status_allocatable{job=\"kube-state-metrics\", node=\"$node\", resource=\"memory\"})"));
    }

    private static Dashboard.Row pods() {
        return new Dashboard.Row(
                "Pods on the node",
                timeseries(
                        "CPU usage by pod",
                        "CPU the node's containers use (cAdvisor).",
                        "cores",
                        query(
                                "sum by (namespace, pod) (node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate{node=\"$node\"})",
                                "{{namespace}}/{{pod}}")),
                timeseries(
                        "CPU requests by pod",
                        "CPU the node's pods request.",
                        "cores",
                        query(
                                "sum by (namespace, pod) (kube_pod_container_resource_requests{job=\"kube-state-metrics\", node=\"$node\", resource=\"cpu\"})",
                                "{{namespace}}/{{pod}}")),
                timeseries(
                        "Memory usage by pod",
                        "Working set of the node's containers (cAdvisor).",
                        "bytes",
                        query(
                                "sum by (namespace, pod) (node_namespace_pod_container:container_memory_working_set_bytes{node=\"$node\", container!=\"\"})",
                                "{{namespace}}/{{pod}}")),
                timeseries(
                        "Memory requests by pod",
                        "Memory the node's pods request.",
                        "bytes",
                        query(
                                "sum by (namespace, pod) (kube_pod_container_resource_requests{job=\"kube-state-metrics\", node=\"$node\", resource=\"memory\"})",
                                "{{namespace}}/{{pod}}")));
    }

    private static Dashboard.Row state() {
        return new Dashboard.Row(
                "State",
                table(
                        "Conditions",
                        "The node's conditions that hold (KubeNodeNotReady). The agent compares usage with requests: GET /api/v1/nodes/{node}/utilization.",
                        "kube_node_status_condition{job=\"kube-state-metrics\", node=\"$node\", status=\"true\"} == 1"),
                table(
                        "Node",
                        "Kubelet, runtime and kernel versions, and addresses.",
                        "kube_node_info{job=\"kube-state-metrics\", node=\"$node\"}"),
                stat(
                        "Cordoned",
                        "1 when the node is cordoned: no new pods are scheduled on it.",
                        "short",
                        "kube_node_spec_unschedulable{job=\"kube-state-metrics\", node=\"$node\"}"));
    }
}
