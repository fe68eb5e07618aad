package io.clusteragent;

import io.clusteragent.config.AgentConfig;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole agent as Main starts it, on the demo cluster: API, detectors and their meters. */
class AgentTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(Main.metricsOptions()));

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Metrics.globalRegistry.clear();
    }

    @Test
    void onTheDemoClusterTheAgentAnswersAndReportsItsIncidentsOnMetrics(@TempDir Path spool) throws Exception {
        AgentConfig config = AgentConfig.fromMap(
                Map.of("SPOOL_DIR", spool.toString()),
                List.of(
                        "--snapshot",
                        "examples/demo-cluster.yaml",
                        "--now",
                        "2026-01-15T12:00:00Z",
                        "--port",
                        "0",
                        "--drain-period",
                        "10ms"));
        Agent agent = new Agent(vertx, config)
                .start()
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        WebClient client = WebClient.create(vertx);

        int status = client.get(agent.port(), "localhost", "/api/v1/namespace/shop/error")
                .send()
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .statusCode();
        String metrics = client.get(agent.port(), "localhost", "/metrics")
                .send()
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .bodyAsString();

        assertThat(status).isEqualTo(200);
        assertThat(metrics)
                .contains("cluster_agent_detection_cycle_seconds_count{detectors=\"all\",} 1.0")
                .contains("cluster_agent_detection_leader 1.0")
                .contains("cluster_agent_detection_pods_evaluated 37.0")
                .containsPattern(
                        "cluster_agent_incidents_total\\{severity=\"critical\",status=\"open\",type=\"crash_loop\",} [1-9]")
                .contains("cluster_agent_publish_spool_depth")
                .contains("jvm_memory_used_bytes");
        agent.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
