package io.clusteragent.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusteragent.monitoring.dashboards.Dashboard;
import io.clusteragent.monitoring.dashboards.Dashboards;
import io.clusteragent.monitoring.dashboards.Panel;
import io.clusteragent.monitoring.dashboards.Variable;
import io.clusteragent.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus loaded with our rules, scraping the agent on the demo cluster as the kubernetes-mixin
 * names the jobs: every dashboard query is valid PromQL with data behind it, and the demo's failures raise
 * the alerts written for them. The agent runs as the DaemonSet agent of worker-1 would, reading the demo's
 * synthetic cgroup tree of that node, so the panels over cAdvisor's families have data too.
 */
class PrometheusOnDemoTest {

    /** What a user would pick in each dashboard variable to look at the demo's troubles. */
    private static final Map<String, String> DEMO_CHOICES = Map.of(
            "namespace", "shop",
            // Restarting and not ready, on worker-1: the node whose cgroups the demo holds.
            "workload", "inventory",
            "node", "worker-1",
            "pod", "recommender-9q8ncw8j66-vgjcm");

    private static final Duration CONVERGENCE = Duration.ofSeconds(40);

    @TempDir
    static Path dir;

    private static DemoAgent agent;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Tool.PROMETHEUS.installed(), Tool.PROMETHEUS.missing());
        agent = DemoAgent.start(dir);
        prometheus = PrometheusServer.start(dir, config(agent.address()));
        Eventually.assertWithin(
                CONVERGENCE,
                () -> assertThat(prometheus
                                .query("count_over_time(up{job=\"kube-state-metrics\"}[1m]) >= 3")
                                .size())
                        .as("three scrapes of the kube-state families")
                        .isOne());
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void scrapesTheAgentsOwnMetersItsKubeStateFamiliesAndItsNodesContainers() {
        assertThat(prometheus.query("up == 1"))
                .extracting(series -> series.at("/metric/job").asText())
                .containsExactlyInAnyOrder("cluster-agent", "kube-state-metrics", "cadvisor");
        assertThat(prometheus.query("kube_pod_info")).as("kube_pod_info").isNotEmpty();
        assertThat(prometheus.query("kube_pod_container_status_waiting_reason{reason=\"CrashLoopBackOff\"} == 1"))
                .as("the demo's crash-looping containers")
                .isNotEmpty();
        assertThat(
                        prometheus.query(
                                "container_memory_working_set_bytes{job=\"cadvisor\", pod=\"search-4rh4p47qzm-9wch4\", container=\"search\"}"))
                .as("the working set of search on worker-1, as its metrics sample has it")
                .extracting(series -> series.at("/value/1").asText())
                .containsExactly(String.valueOf(1003212L * 1024));
    }

    @Test
    void everyRuleEvaluatesWithoutError() {
        Eventually.assertWithin(CONVERGENCE, () -> {
            JsonNode groups = prometheus.get("rules").at("/data/groups");
            List<String> unhealthy = new ArrayList<>();
            int rules = 0;
            for (JsonNode group : groups) {
                for (JsonNode rule : group.get("rules")) {
                    rules++;
                    if (!rule.path("health").asText().equals("ok")) {
                        unhealthy.add(rule.get("name").asText() + ": "
                                + rule.path("lastError").asText());
                    }
                }
            }
            assertThat(rules)
                    .isEqualTo(RulesFile.alerts().size() + RulesFile.records().size());
            assertThat(unhealthy).isEmpty();
        });
    }

    @Test
    void everyDashboardVariableOffersTheDemosChoice() {
        for (Dashboard dashboard : Dashboards.ALL) {
            for (Variable variable : dashboard.variables()) {
                String expr = "group by (" + variable.name() + ") (" + substitute(variable.series()) + ")";
                assertThat(prometheus.query(expr))
                        .as(dashboard.file() + " variable " + variable.name() + ": " + expr)
                        .extracting(series ->
                                series.at("/metric/" + variable.name()).asText())
                        .contains(choice(variable.name()));
            }
        }
    }

    @Test
    void everyDashboardQueryHasData() {
        Eventually.assertWithin(CONVERGENCE, () -> {
            List<String> missing = new ArrayList<>();
            for (Dashboard dashboard : Dashboards.ALL) {
                for (Dashboard.Row row : dashboard.rows()) {
                    for (Panel panel : row.panels()) {
                        for (Panel.Query query : panel.queries()) {
                            String expr = substitute(query.expr());
                            if (prometheus.query(expr).isEmpty()) {
                                missing.add(dashboard.file() + " / " + panel.title() + ": " + expr);
                            }
                        }
                    }
                }
            }
            assertThat(missing).as("queries without data").isEmpty();
        });
    }

    @Test
    void theDemosFailuresRaiseTheirAlerts() {
        Eventually.assertWithin(CONVERGENCE, () -> {
            Set<String> active = new HashSet<>();
            Set<String> pods = new HashSet<>();
            for (JsonNode alert : prometheus.alerts()) {
                String name = alert.at("/labels/alertname").asText();
                active.add(name);
                pods.add(name + " " + alert.at("/labels/pod").asText());
                assertThat(alert.get("state").asText()).isIn("pending", "firing");
            }

            assertThat(active)
                    .contains(
                            "KubePodCrashLooping",
                            "KubeContainerWaiting",
                            "KubePodNotReady",
                            "KubeDeploymentReplicasMismatch",
                            "KubeDeploymentRolloutStuck",
                            "KubeStatefulSetReplicasMismatch",
                            "KubeDaemonSetRolloutStuck",
                            "KubeMemoryOvercommit",
                            "KubeNodeNotReady",
                            "KubeNodeUnreachable",
                            "KubePersistentVolumeClaimPending")
                    .noneMatch(name -> name.startsWith("ClusterAgent"));
            assertThat(pods)
                    .contains(
                            "KubePodCrashLooping payments-28wlt5pw27-jn4tz",
                            "KubeContainerWaiting catalog-hvfpbrjs2f-shlc4",
                            "KubeContainerWaiting notifications-grdktsbrgw-k5cx6",
                            "KubePodNotReady warehouse-loader-56mxwfxlqc-vsfsg");
        });
    }

    private static String substitute(String expr) {
        String result = expr.replace("$instance", agent.address());
        for (Map.Entry<String, String> choice : DEMO_CHOICES.entrySet()) {
            result = result.replace("$" + choice.getKey(), choice.getValue());
        }
        return result;
    }

    private static String choice(String variable) {
        return variable.equals("instance") ? agent.address() : DEMO_CHOICES.get(variable);
    }

    /**
     * The jobs as the kubernetes-mixin names them, each reading one of the agent's paths; rules every second. The
     * demo runs at {@code --now}, and cAdvisor's samples carry the time of the reading by that frozen clock, months
     * before Prometheus' own: it would drop them as out of bounds, so the cadvisor job stamps them with the scrape's
     * time. The demo's counters never move, so their rates are 0: data all the same.
     */
    private static String config(String agent) {
        return """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: cluster-agent
                    static_configs: [{targets: ['%s']}]
                  - job_name: kube-state-metrics
                    honor_labels: true
                    metrics_path: /metrics/kubestate
                    static_configs: [{targets: ['%s']}]
                  - job_name: cadvisor
                    honor_labels: true
                    honor_timestamps: false
                    metrics_path: /metrics/cadvisor
                    static_configs: [{targets: ['%s']}]
                """.formatted(MonitoringFiles.RULES.toAbsolutePath(), agent, agent, agent);
    }
}
