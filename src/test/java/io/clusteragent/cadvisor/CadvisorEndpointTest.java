package io.clusteragent.cadvisor;

import io.clusteragent.Agent;
import io.clusteragent.Main;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.testing.Eventually;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /metrics/cadvisor} of an agent started as a DaemonSet runs it, on a fixture node, as a scraper sees it. */
class CadvisorEndpointTest {

    private static final Path NODE = NodeFixtures.ROOT.resolve("v2-systemd-containerd");
    private static final String NOW = "2026-01-15T12:00:00Z";

    private final Vertx vertx = Vertx.vertx(Main.vertxOptions());
    private final WebClient client = WebClient.create(vertx);
    private Agent agent;

    @TempDir
    Path spool;

    @AfterEach
    void close() throws Exception {
        if (agent != null) {
            await(agent.stop());
        }
        await(vertx.close());
    }

    @Test
    void servesTheNodesContainersAsTheGoldenPageAndItsOwnCostOnMetrics() throws Exception {
        int port = start(node(NODE));

        HttpResponse<Buffer> scrape = get(port, "/metrics/cadvisor", Map.of());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.getHeader("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        long millis = Instant.parse(NOW).toEpochMilli();
        assertThat(scrape.bodyAsString())
                .isEqualTo(Files.readString(NodeFixtures.ROOT.resolve("v2-systemd-containerd.prom"))
                        .replace(" " + NodeFixtures.NOW + "\n", " " + millis + "\n"));
        String own = get(port, "/metrics", Map.of()).bodyAsString();
        assertThat(own)
                .contains("cluster_agent_cadvisor_collection_seconds_count")
                .contains("cluster_agent_cadvisor_cgroups 6.0")
                .doesNotContain("container_memory_working_set_bytes");
    }

    @Test
    void gzipsTheSameBytesWhenTheScraperAcceptsIt() throws Exception {
        int port = start(node(NODE));

        HttpResponse<Buffer> gzipped = get(port, "/metrics/cadvisor", Map.of("Accept-Encoding", "gzip"));

        assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.getHeader("Vary")).isEqualTo("Accept-Encoding");
        try (GZIPInputStream in =
                new GZIPInputStream(new ByteArrayInputStream(gzipped.body().getBytes()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(get(port, "/metrics/cadvisor", Map.of()).bodyAsString());
        }
    }

    /** Each interval reads the cgroups again: a container's new usage shows on the next scrape. */
    @Test
    void aLaterReadingReplacesTheEarlierOne(@TempDir Path copy) throws Exception {
        NodeFixtures.copyTree(NODE, copy);
        Map<String, String> settings = node(copy);
        settings.put("CADVISOR_INTERVAL", "50ms");
        int port = start(settings);
        Path memory = copy.resolve("sys/fs/cgroup/kubepods.slice/kubepods-burstable.slice/"
                + "kubepods-burstable-pod3f2a1b4c_5d6e_4f70_8a9b_0c1d2e3f4a5b.slice/cri-containerd-"
                + NodeFixtures.A + ".scope/memory.current");
        String nginxUsage = "container_memory_usage_bytes{container=\"nginx\"";
        assertThat(usageLine(get(port, "/metrics/cadvisor", Map.of()).bodyAsString(), nginxUsage))
                .endsWith(" 5.24288e+07 " + Instant.parse(NOW).toEpochMilli());

        Files.writeString(memory, "123456789\n");

        Eventually.assertWithin(
                Duration.ofSeconds(20),
                () -> assertThat(usageLine(scrape(port), nginxUsage))
                        .endsWith(" 1.23456789e+08 " + Instant.parse(NOW).toEpochMilli()));
    }

    private static String usageLine(String page, String prefix) {
        return page.lines().filter(line -> line.startsWith(prefix)).findFirst().orElse("");
    }

    @Test
    void withoutNodeNameTheEndpointSaysWhyItIsOff() throws Exception {
        Map<String, String> settings = node(NODE);
        settings.remove("NODE_NAME");
        int port = start(settings);

        HttpResponse<Buffer> scrape = get(port, "/metrics/cadvisor", Map.of());

        assertThat(scrape.statusCode()).isEqualTo(404);
        assertThat(scrape.bodyAsJsonObject().getJsonObject("error").getString("code"))
                .isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(scrape.bodyAsJsonObject().getJsonObject("error").getString("details"))
                .contains("NODE_NAME");
    }

    @Test
    void withoutReadableCgroupsTheEndpointSaysWhyItIsOff() throws Exception {
        Map<String, String> settings = node(NODE);
        settings.put("CGROUP_ROOT", spool.resolve("no-such-dir").toString());
        int port = start(settings);

        HttpResponse<Buffer> scrape = get(port, "/metrics/cadvisor", Map.of());

        assertThat(scrape.statusCode()).isEqualTo(404);
        assertThat(scrape.bodyAsJsonObject().getJsonObject("error").getString("details"))
                .contains("CGROUP_ROOT")
                .contains("no-such-dir");
    }

    private Map<String, String> node(Path node) {
        Map<String, String> settings = new HashMap<>();
        settings.put("NODE_NAME", "node-a");
        settings.put("CGROUP_ROOT", node.resolve("sys/fs/cgroup").toString());
        settings.put("PROC_ROOT", node.resolve("proc").toString());
        return settings;
    }

    private int start(Map<String, String> env) throws Exception {
        Map<String, String> settings = new HashMap<>(env);
        settings.put("SPOOL_DIR", spool.toString());
        AgentConfig config = AgentConfig.fromMap(
                settings,
                List.of(
                        "--snapshot",
                        NodeFixtures.ROOT
                                .resolve("v2-systemd-containerd-pods.yaml")
                                .toString(),
                        "--now",
                        NOW,
                        "--port",
                        "0",
                        "--drain-period",
                        "1ms"));
        agent = await(new Agent(vertx, config).start());
        return agent.port();
    }

    private String scrape(int port) {
        try {
            return get(port, "/metrics/cadvisor", Map.of()).bodyAsString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
