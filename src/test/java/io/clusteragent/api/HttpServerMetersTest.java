package io.clusteragent.api;

import io.clusteragent.Main;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.testing.Polling;
import io.clusteragent.testing.ShopCluster;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP series count every request once, whichever event loop served it, with bounded labels. */
class HttpServerMetersTest {

    private static final String DESCRIBE_ROUTE = "/api/v1/pods/:namespace/:pod/describe";

    private Vertx vertx;
    private WebClient client;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx(Main.vertxOptions());
        AgentConfig config = AgentConfig.fromMap(Map.of("REQUEST_TIMEOUT", "10s"), List.of("--port", "0"));
        List<ApiVerticle> instances = new CopyOnWriteArrayList<>();
        await(vertx.deployVerticle(
                () -> {
                    ApiVerticle api = new ApiVerticle(
                            config,
                            ShopCluster.withOneRunningPod(),
                            Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC));
                    instances.add(api);
                    return api;
                },
                new DeploymentOptions().setInstances(2)));
        port = instances.get(0).port();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void countsAndTimesEachRequestByMethodRouteAndStatus() throws Exception {
        String before = scrape();
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // A client of its own for some of them, so connections land on both event loops.
            WebClient asking = i % 2 == 0 ? client : WebClient.create(vertx);
            requests.add(asking.get(port, "localhost", "/api/v1/pods/shop/web-1/describe")
                    .send());
        }
        for (int i = 0; i < 3; i++) {
            requests.add(client.get(port, "localhost", "/no/such/route").send());
            requests.add(client.request(HttpMethod.valueOf("BREW"), port, "localhost", "/")
                    .send());
        }
        await(Future.all(requests));
        // A request is counted once its answer is written, which may be just after the client has read it.
        String after = await(Polling.until(
                vertx,
                Duration.ofSeconds(10),
                () -> client.get(port, "localhost", "/metrics").send().map(response -> response.bodyAsString()),
                scrape -> assertThat(delta(before, scrape, "vertx_http_server_requests_total", "404", "GET", ""))
                        .isEqualTo(3)));

        assertThat(delta(before, after, "vertx_http_server_requests_total", "200", "GET", DESCRIBE_ROUTE))
                .isEqualTo(40);
        assertThat(delta(before, after, "vertx_http_server_response_time_seconds_count", "200", "GET", DESCRIBE_ROUTE))
                .isEqualTo(40);
        assertThat(delta(before, after, "vertx_http_server_response_bytes_count", "200", "GET", DESCRIBE_ROUTE))
                .isEqualTo(40);
        assertThat(delta(before, after, "vertx_http_server_requests_total", "404", "GET", ""))
                .isEqualTo(3);
        assertThat(delta(before, after, "vertx_http_server_requests_total", "404", "_OTHER", ""))
                .isEqualTo(3);
        assertThat(value(after, "vertx_http_server_active_requests\\{method=\"GET\",}"))
                .as("only the scrape itself is in flight")
                .isEqualTo(1);
        assertThat(value(after, "vertx_http_server_bytes_written_total")).isGreaterThan(0);
    }

    private double delta(String before, String after, String name, String code, String method, String route) {
        String series =
                name + "\\{code=\"" + code + "\",method=\"" + method + "\",route=\"" + Pattern.quote(route) + "\",}";
        return value(after, series) - value(before, series);
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " ([0-9.E+-]+)$").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private String scrape() throws Exception {
        return await(client.get(port, "localhost", "/metrics").send()).bodyAsString();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
