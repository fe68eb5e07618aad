package io.clusteragent.monitoring;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** promtool, as Prometheus itself reads the rules: both forms load, and every alert passes its unit tests. */
class PromtoolTest {

    @BeforeEach
    void needsPromtool() {
        assumeTrue(Tool.PROMTOOL.installed(), Tool.PROMTOOL.missing());
    }

    @Test
    void theRulesFileLoads() {
        Tool.Result check = Tool.PROMTOOL.run(Path.of("."), "check", "rules", MonitoringFiles.RULES.toString());

        assertThat(check.exitStatus()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    void thePrometheusRulesSpecLoadsAsARulesFile(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), RulesFile.prometheusRuleSpecAsYaml());

        Tool.Result check = Tool.PROMTOOL.run(dir, "check", "rules", spec.toString());

        assertThat(check.exitStatus()).as(check.output()).isZero();
    }

    @Test
    void everyAlertFiresAfterItsForAndStaysQuietBeforeAndBelowItsThreshold() {
        Tool.Result test = Tool.PROMTOOL.run(
                MonitoringFiles.RULES_TESTS.getParent(),
                "test",
                "rules",
                MonitoringFiles.RULES_TESTS.getFileName().toString());

        assertThat(test.exitStatus()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }
}
