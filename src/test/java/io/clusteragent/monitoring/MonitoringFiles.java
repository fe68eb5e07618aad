package io.clusteragent.monitoring;

import io.clusteragent.monitoring.dashboards.Dashboard;
import io.clusteragent.monitoring.dashboards.DashboardJson;
import io.clusteragent.monitoring.dashboards.Dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the monitoring files live, and the content of those rendered from a source. */
final class MonitoringFiles {

    static final Path DIR = Path.of("deployments/monitoring");
    static final Path RULES = DIR.resolve("rules/cluster-agent.rules.yaml");
    static final Path RULES_TESTS = DIR.resolve("rules/cluster-agent.rules.test.yaml");
    static final Path PROMETHEUS_RULE = DIR.resolve("prometheusrule.yaml");
    static final Path DASHBOARDS = DIR.resolve("dashboards");
    static final Path RUNBOOKS = Path.of("docs/runbooks.md");

    private MonitoringFiles() {}

    /** Each rendered file and the content it must have: the PrometheusRule and every dashboard. */
    static Map<Path, String> rendered() {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(PROMETHEUS_RULE, PrometheusRuleManifest.render(read(RULES)));
        for (Dashboard dashboard : Dashboards.ALL) {
            files.put(DASHBOARDS.resolve(dashboard.file()), DashboardJson.render(dashboard));
        }
        return files;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
