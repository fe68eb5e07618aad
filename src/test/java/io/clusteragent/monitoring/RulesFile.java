package io.clusteragent.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules of rules/cluster-agent.rules.yaml, read as Prometheus reads them. */
final class RulesFile {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RulesFile() {}

    /** An alerting or recording rule. @param name the alert's name, or the series a recording rule writes */
    record Rule(
            String name,
            String expr,
            String forDuration,
            Map<String, String> labels,
            Map<String, String> annotations) {}

    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<Rule> alerts() {
        return rules("alert");
    }

    static List<Rule> records() {
        return rules("record");
    }

    /** The PrometheusRule's spec, written as a plain rules file. */
    static String prometheusRuleSpecAsYaml() {
        try {
            return YAML.writeValueAsString(tree(MonitoringFiles.PROMETHEUS_RULE).get("spec"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Rule> rules(String kind) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode group : tree(MonitoringFiles.RULES).get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                if (rule.has(kind)) {
                    rules.add(new Rule(
                            rule.get(kind).asText(),
                            rule.get("expr").asText(),
                            rule.path("for").asText(""),
                            strings(rule.get("labels")),
                            strings(rule.get("annotations"))));
                }
            }
        }
        return rules;
    }

    private static Map<String, String> strings(JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        return YAML.convertValue(node, YAML.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }
}
