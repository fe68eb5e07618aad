package io.clusteragent.api;

import io.clusteragent.Main;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.testing.ClusterStates;
import io.clusteragent.testing.ForwardingClusterState;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class ApiEdgeCasesTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String DESCRIBE = "/api/v1/pods/shop/web-1/describe";
    private static final String RESOURCES = "/api/v1/pods/shop/web-1/resources";

    private static final ClusterState CLUSTER = InMemoryClusterState.of(
            new NamespaceBuilder()
                    .withNewMetadata()
                    .withName("shop")
                    .endMetadata()
                    .build(),
            new NodeBuilder()
                    .withNewMetadata()
                    .withName("node-a")
                    .endMetadata()
                    .withNewStatus()
                    .addToAllocatable("cpu", new Quantity("4"))
                    .addToCapacity("cpu", new Quantity("4"))
                    .endStatus()
                    .build(),
            new PodBuilder()
                    .withNewMetadata()
                    .withName("web-1")
                    .withNamespace("shop")
                    .endMetadata()
                    .withNewSpec()
                    .withNodeName("node-a")
                    .addNewContainer()
                    .withName("app")
                    .withImage("nginx")
                    .endContainer()
                    .endSpec()
                    .withNewStatus()
                    .withPhase("Running")
                    .endStatus()
                    .build());

    private Vertx vertx;
    private WebClient client;
    private Vertx metered;

    @BeforeEach
    void createClient(Vertx vertx) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
    }

    @Test
    void successUsesTheEnvelopeAndEchoesTheCallersRequestId(VertxTestContext testContext) {
        expect(
                testContext,
                serve(CLUSTER).compose(port -> send(HttpMethod.GET, port, RESOURCES, "trace-42")),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
                    assertThat(response.getHeader("X-Request-Id")).isEqualTo("trace-42");
                    JsonObject body = response.bodyAsJsonObject();
                    assertThat(body.getJsonObject("data")).isNotNull();
                    assertThat(body.getJsonObject("metadata").getString("requestId"))
                            .isEqualTo("trace-42");
                    assertThat(body.getJsonObject("metadata").getString("timestamp"))
                            .isEqualTo("2026-01-15T12:00:00Z");
                });
    }

    @Test
    void aRequestIdIsGeneratedWhenNoneIsSent(VertxTestContext testContext) {
        expect(testContext, serve(CLUSTER).compose(port -> get(port, RESOURCES)), response -> {
            String id = response.getHeader("X-Request-Id");
            assertGeneratedId(id);
            assertThat(response.bodyAsJsonObject().getJsonObject("metadata").getString("requestId"))
                    .isEqualTo(id);
        });
    }

    static Stream<String> insaneRequestIds() {
        return Stream.of("x".repeat(300), "trace 42", "trace-42\tinjected", "<script>");
    }

    @ParameterizedTest
    @MethodSource("insaneRequestIds")
    void aRequestIdThatIsNotASaneTokenIsReplacedByAGeneratedOne(String offered, VertxTestContext testContext) {
        expect(
                testContext,
                serve(CLUSTER).compose(port -> send(HttpMethod.GET, port, RESOURCES, offered)),
                response -> {
                    String id = response.getHeader("X-Request-Id");
                    assertThat(id).isNotEqualTo(offered);
                    assertGeneratedId(id);
                    assertThat(response.bodyAsJsonObject()
                                    .getJsonObject("metadata")
                                    .getString("requestId"))
                            .isEqualTo(id);
                });
    }

    @Test
    void invalidNamespaceIs400NamingTheParameter(VertxTestContext testContext) {
        expect(
                testContext,
                serve(CLUSTER).compose(port -> get(port, "/api/v1/pods/Shop_1/web-1/describe")),
                response -> {
                    assertError(response, 400, "BAD_REQUEST");
                    assertThat(details(response)).contains("'namespace'").contains("Shop_1");
                });
    }

    @Test
    void invalidPodNameIs400NamingTheParameter(VertxTestContext testContext) {
        expect(
                testContext,
                serve(CLUSTER).compose(port -> get(port, "/api/v1/pods/shop/web_1/scheduling")),
                response -> {
                    assertError(response, 400, "BAD_REQUEST");
                    assertThat(details(response)).contains("'pod'").contains("web_1");
                });
    }

    @Test
    void invalidNodeNameIs400NamingTheParameter(VertxTestContext testContext) {
        expect(testContext, serve(CLUSTER).compose(port -> get(port, "/api/v1/nodes/-node/utilization")), response -> {
            assertError(response, 400, "BAD_REQUEST");
            assertThat(details(response)).contains("'node'").contains("-node");
        });
    }

    @Test
    void unknownPodIs404NamingPodAndNamespace(VertxTestContext testContext) {
        expect(
                testContext,
                serve(CLUSTER).compose(port -> get(port, "/api/v1/pods/shop/nope/failure-events")),
                response -> {
                    assertError(response, 404, "RESOURCE_NOT_FOUND");
                    assertThat(details(response)).isEqualTo("Pod 'nope' not found in namespace 'shop'");
                });
    }

    @Test
    void unknownNodeIs404NamingTheNode(VertxTestContext testContext) {
        expect(testContext, serve(CLUSTER).compose(port -> get(port, "/api/v1/nodes/node-z/utilization")), response -> {
            assertError(response, 404, "RESOURCE_NOT_FOUND");
            assertThat(details(response)).isEqualTo("Node 'node-z' not found");
        });
    }

    @Test
    void unknownNamespaceIs404NamingTheNamespace(VertxTestContext testContext) {
        expect(testContext, serve(CLUSTER).compose(port -> get(port, "/api/v1/namespace/ghost/error")), response -> {
            assertError(response, 404, "RESOURCE_NOT_FOUND");
            assertThat(details(response)).isEqualTo("Namespace 'ghost' not found");
        });
    }

    @Test
    void unknownRouteIs404InTheEnvelope(VertxTestContext testContext) {
        expect(testContext, serve(CLUSTER).compose(port -> get(port, "/api/v1/pods/shop/web-1/logs")), response -> {
            assertError(response, 404, "RESOURCE_NOT_FOUND");
            assertThat(details(response)).isEqualTo("no route for GET /api/v1/pods/shop/web-1/logs");
        });
    }

    @Test
    void deleteOnAnApiRouteIs405SayingTheApiIsReadOnly(VertxTestContext testContext) {
        expect(testContext, serve(CLUSTER).compose(port -> send(HttpMethod.DELETE, port, DESCRIBE, null)), response -> {
            assertError(response, 405, "METHOD_NOT_ALLOWED");
            assertThat(response.getHeader("Allow")).isEqualTo("GET, HEAD");
            assertThat(details(response))
                    .isEqualTo("DELETE is not allowed on " + DESCRIBE + "; the API is read-only (GET, HEAD)");
        });
    }

    @Test
    void postOnAnApiRouteIs405SayingTheApiIsReadOnly(VertxTestContext testContext) {
        expect(testContext, serve(CLUSTER).compose(port -> send(HttpMethod.POST, port, DESCRIBE, null)), response -> {
            assertError(response, 405, "METHOD_NOT_ALLOWED");
            assertThat(details(response))
                    .isEqualTo("POST is not allowed on " + DESCRIBE + "; the API is read-only (GET, HEAD)");
        });
    }

    /** A HEAD response has no body, so only the status and the headers of the answer reach the caller. */
    @Test
    void headOnAnApiRouteAnswersAsGetWithoutTheBody(VertxTestContext testContext) {
        expect(
                testContext,
                serve(CLUSTER).compose(port -> send(HttpMethod.HEAD, port, DESCRIBE, "trace-head")),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
                    assertThat(response.getHeader("X-Request-Id")).isEqualTo("trace-head");
                    assertThat(Integer.parseInt(response.getHeader("Content-Length")))
                            .isPositive();
                    assertThat(response.body()).isNull();
                });
    }

    @Test
    void missingMetricsApiIs503(VertxTestContext testContext) {
        expect(testContext, serve(CLUSTER).compose(port -> get(port, "/api/v1/nodes/node-a/utilization")), response -> {
            assertError(response, 503, "SERVICE_UNAVAILABLE");
            assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message"))
                    .isEqualTo("Metrics server not available");
        });
    }

    @Test
    void returns504WhenBudgetIsExceeded(VertxTestContext testContext) {
        expect(
                testContext,
                serve(ClusterStates.slow(CLUSTER, 400), Map.of("REQUEST_TIMEOUT", "50ms"))
                        .compose(port -> get(port, DESCRIBE)),
                response -> {
                    assertError(response, 504, "REQUEST_TIMEOUT");
                    assertThat(details(response)).contains("REQUEST_TIMEOUT");
                });
    }

    @Test
    void aSlowAnalysisDoesNotHoldUpOtherRequests(VertxTestContext testContext) {
        CompletableFuture<Void> analysing = new CompletableFuture<>();
        ClusterState state = onPodLookup(ClusterStates.slow(CLUSTER, 1000), () -> analysing.complete(null));
        Checkpoint answered = testContext.checkpoint(2);

        serve(state, Map.of("REQUEST_TIMEOUT", "2s")).onComplete(testContext.succeeding(port -> {
            Future<HttpResponse<Buffer>> slow = get(port, DESCRIBE);
            slow.onComplete(testContext.succeeding(response -> testContext.verify(() -> {
                assertThat(response.statusCode()).isEqualTo(200);
                answered.flag();
            })));

            Future.fromCompletionStage(analysing, vertx.getOrCreateContext())
                    .compose(started -> timed(() -> get(port, "/healthz")))
                    .onComplete(testContext.succeeding(health -> testContext.verify(() -> {
                        assertThat(health.response().statusCode()).isEqualTo(200);
                        assertThat(health.elapsed()).isLessThan(Duration.ofMillis(500));
                        assertThat(slow.isComplete())
                                .as("the slow analysis is still running")
                                .isFalse();
                        answered.flag();
                    })));
        }));
    }

    @Test
    void unexpectedFailureIs500WithoutAStackTrace(VertxTestContext testContext) {
        expect(testContext, serve(ClusterStates.failing(CLUSTER)).compose(port -> get(port, DESCRIBE)), response -> {
            assertError(response, 500, "INTERNAL_ERROR");
            assertThat(details(response))
                    .isEqualTo("see the agent log for request id " + response.getHeader("X-Request-Id"));
            assertThat(response.bodyAsString())
                    .doesNotContain("Exception")
                    .doesNotContain("cache corrupted")
                    .doesNotContain("at io.");
        });
    }

    @Test
    void apiAnswers503AndReadinessFailsUntilTheCacheHasSynced(VertxTestContext testContext) {
        Checkpoint answered = testContext.checkpoint(3);

        serve(ClusterStates.unsynced(CLUSTER)).onComplete(testContext.succeeding(port -> {
            get(port, DESCRIBE)
                    .onComplete(testContext.succeeding(api -> testContext.verify(() -> {
                        assertError(api, 503, "SERVICE_UNAVAILABLE");
                        assertThat(details(api)).isEqualTo("the cluster cache is still syncing: events");
                        answered.flag();
                    })));
            get(port, "/readyz")
                    .onComplete(testContext.succeeding(ready -> testContext.verify(() -> {
                        assertThat(ready.statusCode()).isEqualTo(503);
                        assertThat(ready.bodyAsString()).contains("events").contains("not synced");
                        answered.flag();
                    })));
            get(port, "/healthz")
                    .onComplete(testContext.succeeding(live -> testContext.verify(() -> {
                        assertThat(live.statusCode()).isEqualTo(200);
                        answered.flag();
                    })));
        }));
    }

    @Test
    void probesAnswerSmallJsonWhenSynced(VertxTestContext testContext) {
        Future<List<HttpResponse<Buffer>>> probes = serve(CLUSTER)
                .compose(port -> get(port, "/readyz")
                        .compose(ready -> get(port, "/healthz").map(live -> List.of(ready, live))));

        expect(testContext, probes, responses -> {
            JsonObject ready = responses.get(0).bodyAsJsonObject();
            assertThat(responses.get(0).statusCode()).isEqualTo(200);
            assertThat(ready.getString("status")).isEqualTo("UP");
            assertThat(ready.getJsonArray("checks")).isNotEmpty();
            assertThat(responses.get(1).statusCode()).isEqualTo(200);
            assertThat(responses.get(1).bodyAsJsonObject().getString("status")).isEqualTo("UP");
        });
    }

    /** Only a Vertx created with the agent's metrics options records HTTP metrics, so this test brings its own. */
    @Test
    void metricsExposeHttpServerMetricsInPrometheusFormat(VertxTestContext testContext) {
        metered = Vertx.vertx(new VertxOptions().setMetricsOptions(Main.metricsOptions()));
        Future<HttpResponse<Buffer>> metrics = serve(metered, CLUSTER, Map.of())
                .compose(port -> get(port, RESOURCES).compose(resources -> get(port, "/metrics")));

        expect(testContext, metrics, response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsString())
                    .contains("vertx_http_server_requests_total")
                    .contains("route=\"/api/v1/pods/:namespace/:pod/resources\"")
                    .contains("jvm_memory_used_bytes");
        });
    }

    @AfterEach
    void closeMeteredVertx() throws Exception {
        if (metered != null) {
            metered.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Metrics.globalRegistry.clear();
        }
    }

    private Future<Integer> serve(ClusterState state) {
        return serve(state, Map.of());
    }

    private Future<Integer> serve(ClusterState state, Map<String, String> env) {
        return serve(vertx, state, env);
    }

    private static Future<Integer> serve(Vertx on, ClusterState state, Map<String, String> env) {
        ApiVerticle api = new ApiVerticle(AgentConfig.fromMap(env, List.of("--port", "0")), state, FIXED);
        return on.deployVerticle(api).map(deployed -> api.port());
    }

    private Future<HttpResponse<Buffer>> get(int port, String path) {
        return send(HttpMethod.GET, port, path, null);
    }

    private Future<HttpResponse<Buffer>> send(HttpMethod method, int port, String path, String requestId) {
        var request = client.request(method, port, "localhost", path);
        if (requestId != null) {
            request.putHeader(RequestIds.HEADER, requestId);
        }
        return request.send();
    }

    private record Timed(HttpResponse<Buffer> response, Duration elapsed) {}

    private static Future<Timed> timed(Supplier<Future<HttpResponse<Buffer>>> request) {
        long start = System.nanoTime();
        return request.get().map(response -> new Timed(response, Duration.ofNanos(System.nanoTime() - start)));
    }

    /** Runs the assertions on the outcome of {@code future} and completes the test when they hold. */
    private static <T> void expect(VertxTestContext testContext, Future<T> future, Consumer<T> assertions) {
        future.onComplete(testContext.succeeding(value -> testContext.verify(() -> {
            assertions.accept(value);
            testContext.completeNow();
        })));
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getJsonObject("error").getString("code")).isEqualTo(code);
        assertThat(body.getJsonObject("error").getString("message")).isNotBlank();
        assertThat(body.getJsonObject("metadata").getString("requestId"))
                .isNotBlank()
                .isEqualTo(response.getHeader("X-Request-Id"));
        assertThat(body.containsKey("data")).isFalse();
    }

    private static String details(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getJsonObject("error").getString("details");
    }

    private static void assertGeneratedId(String id) {
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(UUID.fromString(id).version()).isEqualTo(4);
        assertThat(UUID.fromString(id).variant()).as("RFC 4122 variant").isEqualTo(2);
    }

    /** Runs {@code onLookup} whenever a request looks its pod up, before the delegate answers. */
    private static ClusterState onPodLookup(ClusterState delegate, Runnable onLookup) {
        return new ForwardingClusterState(delegate) {
            @Override
            public Optional<Pod> pod(String namespace, String name) {
                onLookup.run();
                return super.pod(namespace, name);
            }
        };
    }
}
