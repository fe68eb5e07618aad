package io.clusteragent.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job each family is read from, as the kubernetes-mixin names the jobs. Every query of the rules and
 * dashboards selects a family's job with exactly this text, so that one textual replacement renames a job
 * everywhere (README, "Alerts and dashboards").
 */
final class Selectors {

    static final String KUBE_STATE = "job=\"kube-state-metrics\"";
    static final String CADVISOR = "job=\"cadvisor\"";
    static final String AGENT = "job=\"cluster-agent\"";

    /** A family's name where it is read (not inside a recorded series' name), and its selector if any. */
    private static final Pattern FAMILY = Pattern.compile(
            "(?<![:\\w])((?:kube|container|cluster_agent|vertx|jvm|process)_\\w+)(?![:\\w])(\\{[^}]*})?");

    private Selectors() {}

    /** The families {@code expr} reads without the selector of their job. */
    static List<String> unselected(String expr) {
        List<String> wrong = new ArrayList<>();
        Matcher family = FAMILY.matcher(expr);
        while (family.find()) {
            String selector = family.group(2) == null ? "" : family.group(2);
            if (!selector.contains(jobOf(family.group(1)))) {
                wrong.add(family.group());
            }
        }
        return wrong;
    }

    /** The job a family comes from: the agent's own meters, kube-state-metrics' families or cAdvisor's. */
    static String jobOf(String family) {
        if (family.startsWith("kube_state_metrics_")) {
            return AGENT;
        }
        if (family.startsWith("kube_")) {
            return KUBE_STATE;
        }
        if (family.startsWith("container_")) {
            return CADVISOR;
        }
        return AGENT;
    }
}
