package io.clusteragent.fleet;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `cluster-agent fleet` refuses to start, with exit code 2 and a reason, on settings or rules it cannot use. */
class FleetCommandTest {

    private String run(Map<String, String> env, List<String> args, int expectedExitCode) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(FleetCommand.run(env, args)).isEqualTo(expectedExitCode);
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutBrokersItNamesTheSetting() {
        assertThat(run(Map.of(), List.of(), 2)).contains("KAFKA_BOOTSTRAP_SERVERS (--kafka-bootstrap-servers)");
    }

    @Test
    void aBrokenRulesFileNamesTheRuleAndTheMistake() throws Exception {
        Path rules = Files.createTempFile("rules", ".yaml");
        Files.writeString(rules, "rules:\n  - name: a\n    groupBy: [cluster]\n    count: occurences\n");

        String message = run(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                List.of("--fleet-rules-file", rules.toString()),
                2);

        assertThat(message).contains(rules.toString()).contains("occurences");
        Files.delete(rules);
    }

    @Test
    void anInvalidTopicNameIsRefused() {
        assertThat(run(
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "localhost:9092",
                                "FLEET_TOPIC_PLATFORM",
                                "platform anomalies"),
                        List.of(),
                        2))
                .contains("FLEET_TOPIC_PLATFORM");
    }

    @Test
    void anAgentServiceUrlThatIsNotHttpIsRefusedNamingTheSetting() {
        assertThat(run(
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "localhost:9092",
                                "FLEET_AGENT_SERVICE_URL",
                                "ftp://agent/events"),
                        List.of(),
                        2))
                .contains("FLEET_AGENT_SERVICE_URL (--fleet-agent-service-url)");
    }
}
