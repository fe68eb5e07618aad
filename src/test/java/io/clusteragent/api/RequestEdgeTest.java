package io.clusteragent.api;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.clusteragent.Main;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.testing.LogCapture;
import io.clusteragent.testing.Polling;
import io.clusteragent.testing.ShopCluster;
import io.clusteragent.testing.TestServer;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import net.logstash.logback.marker.SingleFieldAppendingMarker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests an HTTP client would not send, or that vert.x-web refuses before any route runs, still get
 * the edge every request gets: a request id, the envelope, a 4xx naming the problem, an access line,
 * and no stack trace in the log.
 */
class RequestEdgeTest {

    private static final String DESCRIBE = "/api/v1/pods/shop/web-1/describe";
    private static final ClusterState CLUSTER = ShopCluster.withOneRunningPod();

    private Vertx vertx;
    private int port;
    private LogCapture logs;

    @BeforeEach
    void serve() {
        vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(Main.metricsOptions()));
        ApiVerticle api = new ApiVerticle(
                AgentConfig.fromMap(Map.of("REQUEST_TIMEOUT", "10s"), List.of("--port", "0")),
                CLUSTER,
                Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
        await(vertx.deployVerticle(api));
        port = api.port();
        logs = LogCapture.everything();
    }

    @AfterEach
    void stop() {
        logs.close();
        await(vertx.close());
        Metrics.globalRegistry.clear();
    }

    @Test
    void aRequestWithoutHostIs400NamingTheHostHeader() {
        RawHttp response = RawHttp.exchange(port, "GET " + DESCRIBE + " HTTP/1.1\r\nX-Request-Id: no-host\r\n");

        assertError(response, 400, "BAD_REQUEST", "no-host");
        assertThat(details(response)).contains("Host header is missing");
        assertLoggedOnceWithoutTrace("no-host", 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad host", "localhost:99999", "local[host", "localhost:port"})
    void aMalformedHostIs400NamingTheHostHeader(String host) {
        RawHttp response = RawHttp.exchange(
                port, "GET " + DESCRIBE + " HTTP/1.1\r\nHost: " + host + "\r\nX-Request-Id: bad-host\r\n");

        assertError(response, 400, "BAD_REQUEST", "bad-host");
        assertThat(details(response)).isEqualTo("the Host header must be host or host:port, got '" + host + "'");
        assertLoggedOnceWithoutTrace("bad-host", 400);
    }

    @Test
    void anHttp10RequestNeedsNoHost() {
        RawHttp response = RawHttp.exchange(port, "GET " + DESCRIBE + " HTTP/1.0\r\n");

        assertThat(response.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/%",
                "/api/v1/pods/shop/%zz/describe",
                "/api/v1/namespace/sh%+1/error",
                "/healthz%",
                "/metrics%4"
            })
    void aBrokenPercentEscapeIs400NamingThePath(String path) {
        RawHttp response = RawHttp.exchange(port, "GET", path, "X-Request-Id: bad-escape");

        assertError(response, 400, "BAD_REQUEST", "bad-escape");
        assertThat(details(response))
                .isEqualTo("the path '" + path
                        + "' is not a valid URL path: a '%' must be followed by two hexadecimal digits");
        assertLoggedOnceWithoutTrace("bad-escape", 400);
    }

    @Test
    void optionsAsteriskGetsARequestIdAndSaysWhichMethodsAreServed() {
        RawHttp offered = RawHttp.exchange(port, "OPTIONS", "*", "X-Request-Id: options-1");
        RawHttp generated = RawHttp.exchange(port, "OPTIONS", "*");

        assertError(offered, 405, "METHOD_NOT_ALLOWED", "options-1");
        assertThat(offered.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(details(offered))
                .isEqualTo("OPTIONS is not allowed on this server; the API is read-only (GET, HEAD)");
        assertThat(generated.header("X-Request-Id")).isNotBlank();
        assertError(generated, 405, "METHOD_NOT_ALLOWED", generated.header("X-Request-Id"));
        assertLoggedOnceWithoutTrace("options-1", 405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "shop/web-1"})
    void aTargetThatIsNotAPathIs400(String target) {
        RawHttp response = RawHttp.exchange(port, "GET", target, "X-Request-Id: not-a-path");

        assertError(response, 400, "BAD_REQUEST", "not-a-path");
        assertThat(details(response))
                .isEqualTo("the request target must be a path starting with '/', got '" + target + "'");
        assertLoggedOnceWithoutTrace("not-a-path", 400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                DESCRIBE,
                "/api/v1/pods/shop/nope/describe",
                "/api/v1/pods/Shop/web-1/describe",
                "/healthz",
                "/readyz"
            })
    void headAnswersAsGetDoesWithoutTheBody(String path) {
        RawHttp get = RawHttp.exchange(port, "GET", path, "X-Request-Id: same-length");
        RawHttp head = RawHttp.exchange(port, "HEAD", path, "X-Request-Id: same-length");
        RawHttp keptHead = RawHttp.exchange(port, "HEAD", path, "X-Request-Id: same-length");

        for (RawHttp answer : List.of(head, keptHead)) {
            assertThat(answer.status()).isEqualTo(get.status());
            assertThat(answer.header("Content-Type")).isEqualTo(get.header("Content-Type"));
            assertThat(answer.header("X-Request-Id")).isEqualTo("same-length");
            assertThat(answer.header("Content-Length"))
                    .as("Content-Length of HEAD %s", path)
                    .isEqualTo(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
            assertThat(answer.body()).isEmpty();
        }
    }

    @Test
    void headOnMetricsAnnouncesALength() {
        RawHttp head = RawHttp.exchange(port, "HEAD", "/metrics");

        assertThat(head.status()).isEqualTo(200);
        assertThat(Integer.parseInt(head.header("Content-Length"))).isPositive();
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aMadeUpMethodIs405SayingWhichMethodsAreServed() {
        RawHttp response = RawHttp.exchange(port, "MADEUP", DESCRIBE, "X-Request-Id: madeup");

        assertError(response, 405, "METHOD_NOT_ALLOWED", "madeup");
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(details(response))
                .isEqualTo("MADEUP is not allowed on " + DESCRIBE + "; the API is read-only (GET, HEAD)");
    }

    @Test
    void madeUpMethodsAndUnknownPathsAddNoSeriesToTheMetrics() {
        IntStream.range(0, 40).forEach(i -> {
            assertThat(RawHttp.exchange(port, "MADEUP" + i, DESCRIBE).status()).isEqualTo(405);
            assertThat(RawHttp.exchange(port, "MADEUP" + i, "/no/such/route/" + i)
                            .status())
                    .isEqualTo(404);
            assertThat(RawHttp.exchange(port, "GET", "/no/such/route/" + i).status())
                    .isEqualTo(404);
        });
        RawHttp.exchange(port, "get", DESCRIBE);
        RawHttp.exchange(port, "GET", DESCRIBE);

        String metrics = RawHttp.exchange(port, "GET", "/metrics").body();

        assertThat(labelValues(metrics, "method")).containsExactlyInAnyOrder("GET", "_OTHER");
        assertThat(labelValues(metrics, "route")).isSubsetOf("", "/api/v1/pods/:namespace/:pod/describe", "/metrics");
        assertThat(labelValues(metrics, "code")).containsExactlyInAnyOrder("200", "404", "405");
    }

    /** Every value of one label on the HTTP server series. */
    private static Set<String> labelValues(String metrics, String label) {
        Set<String> values = new TreeSet<>();
        Matcher matcher = Pattern.compile("[,{]" + label + "=\"([^\"]*)\"").matcher("");
        Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith("vertx_http_server_"))
                .forEach(line -> {
                    matcher.reset(line);
                    while (matcher.find()) {
                        values.add(matcher.group(1));
                    }
                });
        return values;
    }

    /** The access line is written when the response ends, which can be just after the client has read it. */
    private void assertLoggedOnceWithoutTrace(String requestId, int status) {
        List<String> accessLines = await(Polling.until(
                vertx,
                Duration.ofSeconds(5),
                () -> Future.succeededFuture(accessLines(requestId)),
                lines -> assertThat(lines)
                        .as("access lines of request %s", requestId)
                        .hasSize(1)));
        assertThat(accessLines.get(0)).contains(" " + status + " ");
        assertThat(logs.tracesAndErrors()).isEmpty();
    }

    private List<String> accessLines(String requestId) {
        return logs.events().stream()
                .filter(event -> event.getLoggerName().equals("access")
                        && Arrays.stream(arguments(event))
                                .filter(SingleFieldAppendingMarker.class::isInstance)
                                .anyMatch(argument -> argument.toString().equals("requestId=" + requestId)))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Object[] arguments(ILoggingEvent event) {
        return event.getArgumentArray() == null ? new Object[0] : event.getArgumentArray();
    }

    private static void assertError(RawHttp response, int status, String code, String requestId) {
        assertThat(response.status()).as("status, body %s", response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getJsonObject("error").getString("code")).isEqualTo(code);
        assertThat(body.getJsonObject("error").getString("message")).isNotBlank();
        assertThat(body.getJsonObject("metadata").getString("requestId")).isEqualTo(requestId);
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("error", "metadata");
    }

    private static String details(RawHttp response) {
        return new JsonObject(response.body()).getJsonObject("error").getString("details");
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
