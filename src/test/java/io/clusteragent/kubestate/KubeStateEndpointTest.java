package io.clusteragent.kubestate;

import io.clusteragent.Agent;
import io.clusteragent.Main;
import io.clusteragent.config.AgentConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /metrics/kubestate} of an agent started on the demo dump, as a scraper sees it. */
class KubeStateEndpointTest {

    private final Vertx vertx = Vertx.vertx(Main.vertxOptions());
    private final WebClient client = WebClient.create(vertx);

    @TempDir
    Path spool;

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    @Test
    void servesTheFamiliesOfTheDumpInTheTextFormatAndKeepsThemOffTheAgentsOwnMetrics() throws Exception {
        int port = start(Map.of());

        HttpResponse<Buffer> scrape = get(port, "/metrics/kubestate", Map.of());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.getHeader("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.bodyAsString())
                .contains("# TYPE kube_namespace_status_phase gauge\n")
                .contains("kube_namespace_status_phase{namespace=\"shop\",phase=\"Active\"} 1\n");

        String own = get(port, "/metrics", Map.of()).bodyAsString();
        assertThat(own).doesNotContain("kube_namespace_").contains("kube_state_metrics_total_shards 1.0");
    }

    @Test
    void negotiatesOpenMetricsAndGzipAndFiltersResourcesAsKubeStateMetricsDoes() throws Exception {
        int port = start(Map.of());

        HttpResponse<Buffer> openMetrics = get(
                port,
                "/metrics/kubestate",
                Map.of("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"));
        assertThat(openMetrics.getHeader("Content-Type")).startsWith("application/openmetrics-text");
        assertThat(openMetrics.bodyAsString()).endsWith("# EOF\n");

        HttpResponse<Buffer> gzipped = get(port, "/metrics/kubestate", Map.of("Accept-Encoding", "gzip"));
        assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        String unzipped;
        try (GZIPInputStream in =
                new GZIPInputStream(new ByteArrayInputStream(gzipped.body().getBytes()))) {
            unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(unzipped).isEqualTo(get(port, "/metrics/kubestate", Map.of()).bodyAsString());

        HttpResponse<Buffer> withoutNamespaces = get(port, "/metrics/kubestate?exclude_resources=namespaces", Map.of());
        assertThat(withoutNamespaces.statusCode()).isEqualTo(200);
        assertThat(withoutNamespaces.body() == null ? "" : withoutNamespaces.bodyAsString())
                .doesNotContain("kube_namespace_");
    }

    @Test
    void withNoResourceTheEndpointSaysWhy() throws Exception {
        int port = start(Map.of("KUBE_STATE_RESOURCES", ""));

        HttpResponse<Buffer> scrape = get(port, "/metrics/kubestate", Map.of());
        assertThat(scrape.statusCode()).isEqualTo(404);
        assertThat(scrape.bodyAsJsonObject().getJsonObject("error").getString("details"))
                .contains("KUBE_STATE_RESOURCES");
    }

    private int start(Map<String, String> env) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(env);
        settings.put("SPOOL_DIR", spool.toString());
        AgentConfig config = AgentConfig.fromMap(
                settings,
                List.of("--snapshot", "examples/demo-cluster.yaml", "--now", "2026-01-15T12:00:00Z", "--port", "0"));
        return await(new Agent(vertx, config).start()).port();
    }

    private HttpResponse<Buffer> get(int port, String path, Map<String, String> headers) throws Exception {
        var request = client.get(port, "localhost", path);
        headers.forEach(request::putHeader);
        return await(request.send());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
