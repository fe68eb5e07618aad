package io.clusteragent.monitoring.dashboards;

import java.util.List;

import static io.clusteragent.monitoring.dashboards.Panel.query;
import static io.clusteragent.monitoring.dashboards.Panel.stat;
import static io.clusteragent.monitoring.dashboards.Panel.timeseries;

/** The agent itself, one replica at a time: its API, detection, publishing, kube-state scrapes and JVM. */
final class AgentDashboard {

    private static final String AGENT = "job=\"cluster-agent\", instance=\"$instance\"";

    private AgentDashboard() {}

    static Dashboard definition() {
        return new Dashboard(
                "cluster-agent-agent.json",
                "cluster-agent-agent",
                "cluster-agent",
                List.of(new Variable("instance", "Replica", "up{job=\"cluster-agent\"}")),
                List.of(status(), api(), detection(), publishing(), kubeState(), runtime()));
    }

    private static Dashboard.Row status() {
        return new Dashboard.Row(
                "Status",
                stat("Up", "1 while Prometheus scrapes the replica (ClusterAgentDown).", "short", "up{" + AGENT + "}"),
                stat(
                        "Detector leader",
                        "1 when this replica holds the Lease and runs the detectors.",
                        "short",
                        "cluster_agent_detection_leader{" + AGENT + "}"),
                stat(
                        "Spool depth",
                        "Incidents on disk until the Agent Service accepts them (ClusterAgentSpoolGrowing).",
                        "short",
                        "cluster_agent_publish_spool_depth{" + AGENT + "}"),
                stat(
                        "Incidents dropped",
                        "Unsent incidents evicted from a full spool in the last hour (ClusterAgentIncidentsDropped).",
                        "short",
                        "increase(cluster_agent_publish_dropped_total{" + AGENT + "}[1h])"),
                stat(
                        "Kube-state shard",
                        "The shard of /metrics/kubestate this replica serves.",
                        "short",
                        "kube_state_metrics_shard_ordinal{" + AGENT + "}"),
                stat(
                        "Kube-state shards",
                        "How many shards the kube-state objects are split into.",
                        "short",
                        "kube_state_metrics_total_shards{" + AGENT + "}"));
    }

    private static Dashboard.Row api() {
        return new Dashboard.Row(
                "HTTP API",
                timeseries(
                        "Requests by route and status",
                        "Requests answered per second.",
                        "reqps",
                        query(
                                "instance_route_code:vertx_http_server_requests:rate5m{" + AGENT + "}",
                                "{{route}} {{code}}")),
                timeseries(
                        "Mean response time by route",
                        "Mean time to answer, over 5 minutes.",
                        "s",
                        query(
                                "instance_route:vertx_http_server_response_time_seconds:mean5m{" + AGENT + "}",
                                "{{route}}")),
                timeseries(
                        "Slowest response by route",
                        "The longest answer of the last few minutes.",
                        "s",
                        query(
                                "max by (route) (vertx_http_server_response_time_seconds_max{" + AGENT + "})",
                                "{{route}}")),
                timeseries(
                        "Readiness probes",
                        "Answers to /readyz by status: 503 only means the replica stayed unready (ClusterAgentNotReady).",
                        "reqps",
                        query(
                                "instance_route_code:vertx_http_server_requests:rate5m{" + AGENT
                                        + ", route=\"/readyz\"}",
                                "{{code}}")),
                timeseries(
                        "Connections and traffic",
                        "Open connections, requests in flight, and bytes written per second.",
                        "short",
                        query("vertx_http_server_active_connections{" + AGENT + "}", "connections"),
                        query("sum(vertx_http_server_active_requests{" + AGENT + "})", "requests in flight"),
                        query("rate(vertx_http_server_bytes_written_total{" + AGENT + "}[5m])", "bytes written/s"),
                        query("rate(vertx_http_server_errors_total{" + AGENT + "}[5m])", "errors/s"),
                        query(
                                "rate(cluster_agent_access_log_dropped_total{" + AGENT + "}[5m])",
                                "access-log lines dropped/s")));
    }

    private static Dashboard.Row detection() {
        return new Dashboard.Row(
                "Detection",
                timeseries(
                        "Cycle time",
                        "Mean and longest detection cycle (ClusterAgentDetectionCycleSlow above 10 s).",
                        "s",
                        query(
                                "instance_detectors:cluster_agent_detection_cycle_seconds:mean5m{" + AGENT + "}",
                                "{{detectors}} mean"),
                        query("cluster_agent_detection_cycle_seconds_max{" + AGENT + "}", "{{detectors}} max")),
                timeseries(
                        "Objects evaluated",
                        "Pods and nodes the last cycle looked at, and cycles skipped while the previous one ran.",
                        "short",
                        query("cluster_agent_detection_pods_evaluated{" + AGENT + "}", "pods"),
                        query("cluster_agent_detection_nodes_evaluated{" + AGENT + "}", "nodes"),
                        query(
                                "increase(cluster_agent_detection_cycles_skipped_total{" + AGENT + "}[1h])",
                                "cycles skipped (1h)")),
                timeseries(
                        "Incident notifications",
                        "Notifications in the last hour, by type and status (open, renotified, resolved).",
                        "short",
                        query(
                                "sum by (type, status) (increase(cluster_agent_incidents_total{" + AGENT + "}[1h]))",
                                "{{type}} {{status}}")),
                timeseries(
                        "Incidents not made durable",
                        "Notifications the state or the spool refused, tried again next cycle (ClusterAgentIncidentsNotQueued).",
                        "short",
                        query("increase(cluster_agent_incidents_not_queued_total{" + AGENT + "}[10m])", "{{stage}}")));
    }

    private static Dashboard.Row publishing() {
        return new Dashboard.Row(
                "Publishing to the Agent Service",
                timeseries(
                        "Deliveries by outcome",
                        "POSTs per second: delivered, retried, rejected.",
                        "reqps",
                        query(
                                "sum by (outcome) (rate(cluster_agent_publish_attempts_total{" + AGENT + "}[5m]))",
                                "{{outcome}}")),
                timeseries(
                        "Failed share",
                        "Share of POSTs retried or rejected (ClusterAgentPublishingFailing above 50%).",
                        "percentunit",
                        query("instance:cluster_agent_publish_attempts_failed:ratio_rate5m{" + AGENT + "}", "failed")),
                timeseries(
                        "Round trip",
                        "Mean time of a POST to the Agent Service.",
                        "s",
                        query(mean("cluster_agent_publish_request_seconds", ""), "mean")),
                timeseries(
                        "Queue and spool",
                        "Incidents waiting for a delivery slot, and on disk.",
                        "short",
                        query("cluster_agent_publish_queue_depth{" + AGENT + "}", "queue"),
                        query("cluster_agent_publish_spool_depth{" + AGENT + "}", "spool")));
    }

    private static Dashboard.Row kubeState() {
        return new Dashboard.Row(
                "Kube-state scrapes",
                timeseries(
                        "Answer time",
                        "Mean time the replica takes to answer /metrics/kubestate (ClusterAgentKubeStateScrapeSlow above 1 s), and the scrape as Prometheus times it.",
                        "s",
                        query(
                                "instance_route:vertx_http_server_response_time_seconds:mean5m{" + AGENT
                                        + ", route=\"/metrics/kubestate\"}",
                                "agent"),
                        query(
                                "scrape_duration_seconds{job=\"kube-state-metrics\", instance=\"$instance\"}",
                                "prometheus")),
                timeseries(
                        "Series",
                        "Samples per kube-state scrape.",
                        "short",
                        query("scrape_samples_scraped{job=\"kube-state-metrics\", instance=\"$instance\"}", "samples")),
                timeseries(
                        "Response size",
                        "Mean bytes per answer, by route.",
                        "bytes",
                        query(mean("vertx_http_server_response_bytes", "route"), "{{route}}")));
    }

    private static Dashboard.Row runtime() {
        return new Dashboard.Row(
                "JVM and Vert.x",
                timeseries(
                        "Memory",
                        "Heap and non-heap used, and direct buffers (kept answers live in direct memory).",
                        "bytes",
                        query("sum by (area) (jvm_memory_used_bytes{" + AGENT + "})", "{{area}}"),
                        query("sum by (id) (jvm_buffer_memory_used_bytes{" + AGENT + "})", "buffers {{id}}")),
                timeseries(
                        "GC pauses",
                        "Share of time spent in GC pauses.",
                        "percentunit",
                        query("sum by (action) (rate(jvm_gc_pause_seconds_sum{" + AGENT + "}[5m]))", "{{action}}")),
                timeseries(
                        "CPU and threads",
                        "The process's CPU share, and live threads.",
                        "short",
                        query("process_cpu_usage{" + AGENT + "}", "process CPU"),
                        query("jvm_threads_live_threads{" + AGENT + "}", "threads")),
                timeseries(
                        "Worker pool",
                        "The blocking-work pool: tasks running, waiting, and mean wait.",
                        "short",
                        query("sum by (pool_name) (vertx_pool_in_use{" + AGENT + "})", "{{pool_name}} in use"),
                        query("sum by (pool_name) (vertx_pool_queue_pending{" + AGENT + "})", "{{pool_name}} waiting"),
                        query(mean("vertx_pool_queue_time_seconds", "pool_name"), "{{pool_name}} mean wait (s)")));
    }

    /** The mean of a timer's or summary's observations over 5 minutes, from its _sum and _count, by {@code by}. */
    private static String mean(String family, String by) {
        String sum = by.isEmpty() ? "sum" : "sum by (" + by + ")";
        String rate = sum + " (rate(" + family + "_%s{" + AGENT + "}[5m]))";
        return rate.formatted("sum") + " / " + rate.formatted("count");
    }
}
