package io.clusteragent.monitoring;

import java.util.stream.Collectors;

/**
 * The Prometheus Operator's form of the rules file: a {@code PrometheusRule} whose {@code spec} is the
 * file's content, indented, so that the two cannot differ in anything but the wrapping.
 */
final class PrometheusRuleManifest {

    private static final String HEADER = """
            # Rendered from rules/cluster-agent.rules.yaml, which is the one to edit; then render again:
            #   mvn -B -q test -Dtest=GeneratedFilesTest -Dmonitoring.render=true
            # The Prometheus Operator loads it into every Prometheus whose ruleSelector matches its labels
            # (kube-prometheus-stack selects release: <its release name>; add that label in your overlay).
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: cluster-agent
              labels:
                app.kubernetes.io/name: cluster-agent
                app.kubernetes.io/component: monitoring
            spec:
            """;

    private PrometheusRuleManifest() {}

    /** @param rulesFile the plain rules file's text: its comment header is left out, its rules are the spec */
    static String render(String rulesFile) {
        String rules = rulesFile.substring(rulesFile.indexOf("\ngroups:") + 1);
        return HEADER
                + rules.lines()
                        .map(line -> line.isEmpty() ? line : "  " + line)
                        .collect(Collectors.joining("\n", "", "\n"));
    }
}
