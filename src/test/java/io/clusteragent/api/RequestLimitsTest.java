package io.clusteragent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusteragent.Main;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.testing.ClusterStates;
import io.clusteragent.testing.RawClient;
import io.clusteragent.testing.TestServer;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What one request may cost: how many may be in flight, how large its head may be, and that a GET has no body. */
class RequestLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESCRIBE_RUNNING = "/api/v1/pods/shop/frontend-qccjkq974j-tkb9m/describe";
    private static final String DESCRIBE_CRASHING = "/api/v1/pods/shop/payments-28wlt5pw27-jn4tz/describe";

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(Main.metricsOptions()));

    @AfterEach
    void close() throws Exception {
        GuardedServer.await(vertx.close());
        Metrics.globalRegistry.clear();
    }

    private int serve(ClusterState state, Map<String, String> env) throws Exception {
        ApiVerticle api = new ApiVerticle(
                AgentConfig.fromMap(env, List.of("--port", "0")), state, Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
        GuardedServer.await(vertx.deployVerticle(api));
        return api.port();
    }

    private static ClusterState demo() {
        return new SnapshotLoader().load(Path.of("examples/demo-cluster.yaml"), TestServer.NOW);
    }

    @Test
    void requestsBeyondTheLimitInFlightGet503WithRetryAfterWhileProbesStillAnswer() throws Exception {
        int port = serve(
                ClusterStates.slow(demo(), 1500), Map.of("MAX_CONCURRENT_REQUESTS", "2", "REQUEST_TIMEOUT", "20s"));
        List<CompletableFuture<RawClient.Answer>> slow = new ArrayList<>();
        for (String path : List.of(DESCRIBE_RUNNING, DESCRIBE_CRASHING)) {
            slow.add(CompletableFuture.supplyAsync(() -> get(port, path)));
        }
        Thread.sleep(500); // both slow requests are in the agent, each waiting 1.5 s for its pod

        RawClient.Answer refused = get(port, "/api/v1/nodes/kind-worker/utilization");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.path("details").asText()).contains("MAX_CONCURRENT_REQUESTS");
        assertThat(get(port, "/healthz").status()).as("liveness").isEqualTo(200);
        assertThat(get(port, "/readyz").status()).as("readiness").isEqualTo(200);

        for (CompletableFuture<RawClient.Answer> answer : slow) {
            assertThat(answer.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(get(port, "/metrics").body())
                .contains("cluster_agent_http_rejected_total{reason=\"concurrency\",} 1.0");
        assertThat(get(port, DESCRIBE_RUNNING).status())
                .as("slots are given back")
                .isEqualTo(200);
    }

    @Test
    void aGetAnnouncingABodyIsRefusedUnreadAndItsConnectionClosed() throws Exception {
        int port = serve(demo(), Map.of());
        for (String body : List.of(
                "Content-Length: 5\r\n\r\nhello", "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")) {
            try (RawClient client = RawClient.connect(port)) {
                client.send("GET /api/v1/nodes/kind-worker/utilization HTTP/1.1\r\nHost: localhost\r\n" + body);
                RawClient.Answer answer = client.read();

                assertThat(answer.status()).as(body).isEqualTo(400);
                assertThat(JSON.readTree(answer.body())
                                .path("error")
                                .path("message")
                                .asText())
                        .isEqualTo("Request body not allowed");
                assertThat(answer.header("Connection")).isEqualTo("close");
                assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
            }
        }
        try (RawClient client = RawClient.connect(port)) {
            client.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
            assertThat(client.read().status()).as("an empty body is no body").isEqualTo(200);
        }
        assertThat(get(port, "/metrics").body())
                .contains("cluster_agent_http_rejected_total{reason=\"body_on_get\",} 2.0");
    }

    @Test
    void theHeaderAndUrlLimitsAreSettings() throws Exception {
        int port = serve(demo(), Map.of("MAX_HEADER_SIZE", "2048", "MAX_URL_LENGTH", "512"));

        RawClient.Answer largeHeader = get(port, "/healthz", "X-Filler: " + "a".repeat(3000) + "\r\n");
        assertThat(largeHeader.status()).isEqualTo(431);
        assertThat(JSON.readTree(largeHeader.body())
                        .path("error")
                        .path("details")
                        .asText())
                .isEqualTo("the request headers are larger than 2048 bytes");
        assertThat(get(port, "/healthz", "X-Filler: " + "a".repeat(1500) + "\r\n")
                        .status())
                .isEqualTo(200);

        RawClient.Answer longUrl = get(port, "/healthz?" + "q".repeat(600));
        assertThat(longUrl.status()).isEqualTo(414);
        assertThat(JSON.readTree(longUrl.body()).path("error").path("code").asText())
                .isEqualTo("URI_TOO_LONG");
        assertThat(get(port, "/healthz?" + "q".repeat(400)).status()).isEqualTo(200);
    }

    /** A connection still sending its head is not a request yet, and takes no slot however long it trickles. */
    @Test
    void clientsTricklingHeadersHoldNoSlotAndAreCutOffAtTheReadTimeout() throws Exception {
        int port = serve(demo(), Map.of("MAX_CONCURRENT_REQUESTS", "1", "READ_TIMEOUT", "1s"));
        List<RawClient> trickling = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            trickling.add(RawClient.connect(port).send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
        }
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            for (RawClient client : trickling) {
                trySend(client);
            }
            assertThat(get(port, DESCRIBE_RUNNING).status()).isEqualTo(200);
            Thread.sleep(100);
        }
        for (RawClient client : trickling) {
            assertThat(client.closedWithin(Duration.ofSeconds(3))).isTrue();
            client.close();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    private static void trySend(RawClient client) {
        try {
            client.send("x");
        } catch (IOException closed) {
            // cut off already
        }
    }

    private static RawClient.Answer get(int port, String path, String... headers) {
        try (RawClient client = RawClient.connect(port)) {
            return client.send(RawClient.get(path, headers)).read();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
