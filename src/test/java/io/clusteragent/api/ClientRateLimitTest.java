package io.clusteragent.api;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.ObjectFeed;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.testing.TestServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RATE_LIMIT_PER_USER with authentication off: each client address gets its own rate, a refusal is held back a
 * second without holding a request slot, and the probes are never limited. Clients are told apart by binding
 * to different loopback addresses, as two pods reaching the agent would be.
 */
class ClientRateLimitTest {

    private static final String ROUTE = "/api/v1/namespace/shop/error";
    private static ClusterState demo;

    private final Vertx clients = Vertx.vertx();
    private TestServer api;

    @BeforeAll
    static void loadDemo() {
        demo = new SnapshotLoader(ObjectFeed.NONE).load(Path.of("examples/demo-cluster.yaml"), TestServer.NOW);
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        clients.close();
    }

    @Test
    void aClientPastItsRateIsRefusedASecondLaterWhileOthersAreServed() {
        api = TestServer.start(demo, Map.of("RATE_LIMIT_PER_USER", "1"));
        WebClient first = clientFrom("127.0.0.2");
        WebClient other = clientFrom("127.0.0.3");
        assertThat(get(other, ROUTE).statusCode()).as("warms the route up").isEqualTo(200);

        assertThat(get(first, ROUTE).statusCode()).isEqualTo(200);
        long start = System.nanoTime();
        HttpResponse<Buffer> second = get(first, ROUTE);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.bodyAsJsonObject().getJsonObject("error").getString("code"))
                .isEqualTo("TOO_MANY_REQUESTS");
        assertThat(second.bodyAsJsonObject().getJsonObject("error").getString("details"))
                .contains("client 127.0.0.2");
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
        assertThat(waited).as("the refusal is held back").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(get(other, ROUTE).statusCode())
                .as("another client, within its rate")
                .isEqualTo(200);
        assertThat(get(first, "/readyz").statusCode())
                .as("probes are never limited")
                .isEqualTo(200);
    }

    @Test
    void aHeldRefusalKeepsNoOtherClientOut() {
        api = TestServer.start(demo, Map.of("RATE_LIMIT_PER_USER", "1", "MAX_CONCURRENT_REQUESTS", "1"));
        WebClient flooding = clientFrom("127.0.0.2");
        WebClient other = clientFrom("127.0.0.3");
        assertThat(get(flooding, ROUTE).statusCode()).isEqualTo(200);

        Future<HttpResponse<Buffer>> held =
                flooding.get(api.port(), "127.0.0.1", ROUTE).send();
        awaitRateLimitedCount(1);
        HttpResponse<Buffer> meanwhile = get(other, ROUTE);

        assertThat(meanwhile.statusCode())
                .as("the only request slot is free while the refusal waits")
                .isEqualTo(200);
        assertThat(held.isComplete())
                .as("still held when the other client was served")
                .isFalse();
        assertThat(await(held).statusCode()).isEqualTo(429);
    }

    /** The agent counts a refusal as it decides it, before holding it back: proof the request is being held. */
    private static void awaitRateLimitedCount(int count) {
        MeterRegistry registry = BackendRegistries.getDefaultNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Counter refused = registry.find("cluster_agent_http_rejected")
                    .tag("reason", "rate_limit")
                    .counter();
            if (refused != null && refused.count() >= count) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no rate-limited request counted within 10 s");
    }

    private WebClient clientFrom(String address) {
        return WebClient.create(clients, new WebClientOptions().setLocalAddress(address));
    }

    private HttpResponse<Buffer> get(WebClient client, String path) {
        return await(client.get(api.port(), "127.0.0.1", path).send());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
