package io.clusteragent.fleet;

import io.clusteragent.detect.IncidentSeverity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules file: what a user writes, its defaults, and the mistakes that must fail start-up with a reason. */
class RuleFileTest {

    private static RuleSet parse(String yaml) {
        return RuleFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "rules.yaml");
    }

    @Test
    void theBuiltInRulesAreTheFourTheDesignNames() {
        RuleSet rules = RuleFile.load(Optional.empty());

        assertThat(rules.rules())
                .extracting(Rule::name)
                .containsExactly("pod-failures", "node-not-ready", "cluster-burst", "fleet-image-failures");
        Rule pods = rules.named("pod-failures");
        assertThat(pods.atLeast()).as("more than 10").isEqualTo(11);
        assertThat(pods.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(pods.grace()).isEqualTo(RuleFile.DEFAULT_GRACE);
        assertThat(pods.advance()).as("tumbling").isEqualTo(pods.window());
        assertThat(rules.named("fleet-image-failures").window()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aFileReplacesTheBuiltInRulesAndOptionalFieldsTakeTheirDefaults() throws Exception {
        Path file = Files.createTempFile("rules", ".json");
        Files.writeString(file, """
                {"rules": [{"name": "evictions", "reasons": ["Evicted"], "groupBy": ["cluster", "namespace"],
                            "count": "occurrences", "atLeast": 20, "window": "1h", "advance": "15m", "grace": "0"}]}
                """);

        Rule rule = RuleFile.load(Optional.of(file)).rules().get(0);

        assertThat(rule.reasons()).containsExactly("Evicted");
        assertThat(rule.kinds()).isEmpty();
        assertThat(rule.groupBy()).containsExactly(Dimension.cluster, Dimension.namespace);
        assertThat(rule.advance()).isEqualTo(Duration.ofMinutes(15));
        assertThat(rule.grace()).isZero();
        assertThat(rule.severity()).isEqualTo(IncidentSeverity.MEDIUM);
    }

    @Test
    void mistakesNameTheRuleAndWhatIsWrong() {
        String valid = "count: occurrences\n    atLeast: 3\n    window: 5m\n    groupBy: [cluster]\n";
        for (var mistake : List.of(
                List.of("rules:\n  - name: a\n    " + valid + "    windw: 5m\n", "windw"),
                List.of("rules:\n  - name: a\n    " + valid.replace("5m", "five minutes"), "window 'five minutes'"),
                List.of("rules:\n  - name: a\n    " + valid.replace("[cluster]", "[pod]"), "pod"),
                List.of("rules:\n  - name: Pod_Rule\n    " + valid, "name 'Pod_Rule'"),
                List.of(
                        "rules:\n  - name: a\n    "
                                + valid.replace("[cluster]", "[cluster, namespace]")
                                        .replace("occurrences", "namespaces"),
                        "always counts 1"),
                List.of("rules:\n  - name: a\n    " + valid + "  - name: a\n    " + valid, "used twice"),
                List.of("rules:\n  - name: a\n    " + valid.replace("atLeast: 3", "atLeast: 0"), "rule 1: a: atLeast"),
                List.of("rules: []\n", "at least one rule"))) {
            assertThatThrownBy(() -> parse(mistake.get(0)))
                    .as(mistake.get(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("rules.yaml")
                    .hasMessageContaining(mistake.get(1));
        }
    }
}
