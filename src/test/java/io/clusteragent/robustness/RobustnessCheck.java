package io.clusteragent.robustness;

import io.clusteragent.Agent;
import io.clusteragent.Main;
import io.clusteragent.config.AgentConfig;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the agent on the demo cluster and runs every misbehaving-client case against its port on
 * loopback, each bounded in count and time; prints one line per case and fails if any did not hold.
 * A separate command, not part of the test suite: {@code mvn -B -q test -Dtest=RobustnessCheck}.
 * To add or drop a case, edit the lists in {@link RequestAttacks} and {@link ConnectionAttacks}.
 */
class RobustnessCheck {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void theAgentHoldsAgainstMisbehavingClients(@TempDir Path spool) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(Main.metricsOptions()));
        try {
            AgentConfig config = AgentConfig.fromMap(
                    Map.of("SPOOL_DIR", spool.toString()),
                    List.of(
                            "--snapshot",
                            "examples/demo-cluster.yaml",
                            "--now",
                            "2026-01-15T12:00:00Z",
                            "--port",
                            "0",
                            "--read-timeout",
                            READ_TIMEOUT.toMillis() + "ms",
                            "--write-timeout",
                            WRITE_TIMEOUT.toMillis() + "ms",
                            "--request-timeout",
                            "5s",
                            "--poll-interval",
                            "1h"));
            Agent agent = new Agent(vertx, config)
                    .start()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(90, TimeUnit.SECONDS);
            List<Attack> attacks = new ArrayList<>(RequestAttacks.all());
            attacks.addAll(new ConnectionAttacks(READ_TIMEOUT, WRITE_TIMEOUT).all());

            System.out.printf(
                    "%nRobustness of the agent on port %d (READ_TIMEOUT=%s, WRITE_TIMEOUT=%s)%n",
                    agent.port(), READ_TIMEOUT, WRITE_TIMEOUT);
            List<String> failed = new ArrayList<>();
            for (Attack attack : attacks) {
                Outcome outcome = run(attack, agent.port());
                System.out.printf(
                        "%-7s %-55s %s%n", outcome.held() ? "held" : "FAILED", attack.name(), outcome.observed());
                if (!outcome.held()) {
                    failed.add(attack.name());
                }
            }
            System.out.println();
            assertThat(failed).as("cases that did not hold").isEmpty();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            Metrics.globalRegistry.clear();
        }
    }

    private static Outcome run(Attack attack, int port) {
        try {
            return attack.run().against(port);
        } catch (Exception e) {
            return Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
