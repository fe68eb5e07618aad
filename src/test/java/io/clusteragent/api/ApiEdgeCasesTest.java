package io.clusteragent.api;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.testing.TestServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static io.clusteragent.testing.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

class ApiEdgeCasesTest {

    private static final ClusterState CLUSTER = InMemoryClusterState.of(
            new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build(),
            new NodeBuilder().withNewMetadata().withName("node-a").endMetadata()
                    .withNewStatus().addToAllocatable("cpu", new Quantity("4")).addToCapacity("cpu", new Quantity("4")).endStatus().build(),
            new PodBuilder().withNewMetadata().withName("web-1").withNamespace("shop").endMetadata()
                    .withNewSpec().withNodeName("node-a").addNewContainer().withName("app").withImage("nginx").endContainer().endSpec()
                    .withNewStatus().withPhase("Running").endStatus().build());

    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void successUsesTheEnvelopeAndEchoesTheCallersRequestId() {
        server = TestServer.start(CLUSTER);

        HttpResponse<Buffer> response = server.request(HttpMethod.GET, "/api/v1/pods/shop/web-1/resources",
                MultiMap.caseInsensitiveMultiMap().add("X-Request-Id", "trace-42"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("trace-42");
        JsonObject body = json(response);
        assertThat(body.getJsonObject("data")).isNotNull();
        assertThat(body.getJsonObject("metadata").getString("requestId")).isEqualTo("trace-42");
        assertThat(body.getJsonObject("metadata").getString("timestamp")).isEqualTo("2026-01-15T12:00:00Z");
    }

    @Test
    void aRequestIdIsGeneratedWhenNoneIsSent() {
        server = TestServer.start(CLUSTER);

        HttpResponse<Buffer> response = server.get("/api/v1/pods/shop/web-1/resources");

        String id = response.getHeader("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(json(response).getJsonObject("metadata").getString("requestId")).isEqualTo(id);
    }

    @Test
    void invalidNamespaceIs400NamingTheParameter() {
        server = TestServer.start(CLUSTER);

        HttpResponse<Buffer> response = server.get("/api/v1/pods/Shop_1/web-1/describe");

        assertError(response, 400, "BAD_REQUEST");
        assertThat(json(response).getJsonObject("error").getString("details")).contains("'namespace'").contains("Shop_1");
    }

    @Test
    void invalidPodNameIs400NamingTheParameter() {
        server = TestServer.start(CLUSTER);

        HttpResponse<Buffer> response = server.get("/api/v1/pods/shop/web_1/scheduling");

        assertError(response, 400, "BAD_REQUEST");
        assertThat(json(response).getJsonObject("error").getString("details")).contains("'pod'");
    }

    @Test
    void invalidNodeNameIs400() {
        server = TestServer.start(CLUSTER);

        assertError(server.get("/api/v1/nodes/-node/utilization"), 400, "BAD_REQUEST");
    }

    @Test
    void unknownPodIs404() {
        server = TestServer.start(CLUSTER);

        HttpResponse<Buffer> response = server.get("/api/v1/pods/shop/nope/failure-events");

        assertError(response, 404, "RESOURCE_NOT_FOUND");
        assertThat(json(response).getJsonObject("error").getString("details")).isEqualTo("Pod 'nope' not found in namespace 'shop'");
    }

    @Test
    void unknownNodeIs404() {
        server = TestServer.start(CLUSTER);

        assertError(server.get("/api/v1/nodes/node-z/utilization"), 404, "RESOURCE_NOT_FOUND");
    }

    @Test
    void unknownNamespaceIs404() {
        server = TestServer.start(CLUSTER);

        assertError(server.get("/api/v1/namespace/ghost/error"), 404, "RESOURCE_NOT_FOUND");
    }

    @Test
    void unknownRouteIs404InTheEnvelope() {
        server = TestServer.start(CLUSTER);

        assertError(server.get("/api/v1/pods/shop/web-1/logs"), 404, "RESOURCE_NOT_FOUND");
    }

    @Test
    void wrongMethodIs405InTheEnvelope() {
        server = TestServer.start(CLUSTER);

        assertError(server.request(HttpMethod.DELETE, "/api/v1/pods/shop/web-1/describe", MultiMap.caseInsensitiveMultiMap()),
                405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void missingMetricsApiIs503() {
        server = TestServer.start(CLUSTER);

        HttpResponse<Buffer> response = server.get("/api/v1/nodes/node-a/utilization");

        assertError(response, 503, "SERVICE_UNAVAILABLE");
        assertThat(json(response).getJsonObject("error").getString("message")).isEqualTo("Metrics server not available");
    }

    @Test
    void returns504WhenBudgetIsExceeded() {
        server = TestServer.start(slow(CLUSTER, 400), Map.of("REQUEST_TIMEOUT", "50ms"));

        HttpResponse<Buffer> response = server.get("/api/v1/pods/shop/web-1/describe");

        assertError(response, 504, "REQUEST_TIMEOUT");
    }

    @Test
    void unexpectedFailureIs500WithoutAStackTrace() {
        server = TestServer.start(failing(CLUSTER));

        HttpResponse<Buffer> response = server.get("/api/v1/pods/shop/web-1/describe");

        assertError(response, 500, "INTERNAL_ERROR");
        assertThat(response.bodyAsString()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void apiAnswers503AndReadinessFailsUntilTheCacheHasSynced() {
        server = TestServer.start(unsynced(CLUSTER));

        HttpResponse<Buffer> api = server.get("/api/v1/pods/shop/web-1/describe");
        assertError(api, 503, "SERVICE_UNAVAILABLE");
        assertThat(json(api).getJsonObject("error").getString("details")).contains("events");

        HttpResponse<Buffer> ready = server.get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.bodyAsString()).contains("events").contains("not synced");
        assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void probesAnswerSmallJsonWhenSynced() {
        server = TestServer.start(CLUSTER);

        HttpResponse<Buffer> ready = server.get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).getString("status")).isEqualTo("UP");
        assertThat(json(ready).getJsonArray("checks")).isNotEmpty();
        HttpResponse<Buffer> live = server.get("/healthz");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live).getString("status")).isEqualTo("UP");
    }

    @Test
    void metricsExposeHttpServerMetricsInPrometheusFormat() {
        server = TestServer.start(CLUSTER);
        server.get("/api/v1/pods/shop/web-1/resources");

        HttpResponse<Buffer> metrics = server.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.bodyAsString()).contains("vertx_http_server_requests_total")
                .contains("route=\"/api/v1/pods/:namespace/:pod/resources\"")
                .contains("jvm_memory_used_bytes");
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonObject body = json(response);
        assertThat(body.getJsonObject("error").getString("code")).isEqualTo(code);
        assertThat(body.getJsonObject("error").getString("message")).isNotBlank();
        assertThat(body.getJsonObject("metadata").getString("requestId")).isNotBlank();
        assertThat(body.containsKey("data")).isFalse();
    }

    /** A cluster state whose every lookup takes {@code millis}: an analysis that overruns its budget. */
    static ClusterState slow(ClusterState delegate, long millis) {
        return wrap(delegate, (method, args) -> {
            Thread.sleep(millis);
            return method.invoke(delegate, args);
        });
    }

    static ClusterState failing(ClusterState delegate) {
        return wrap(delegate, (method, args) -> {
            if (method.getName().equals("pod")) {
                throw new IllegalStateException("cache corrupted");
            }
            return method.invoke(delegate, args);
        });
    }

    static ClusterState unsynced(ClusterState delegate) {
        return wrap(delegate, (method, args) -> {
            if (method.getName().equals("syncStatus")) {
                Map<String, Boolean> status = new java.util.LinkedHashMap<>(delegate.syncStatus());
                status.put("events", false);
                return status;
            }
            return method.invoke(delegate, args);
        });
    }

    private interface Call {
        Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static ClusterState wrap(ClusterState delegate, Call call) {
        return (ClusterState) Proxy.newProxyInstance(ClusterState.class.getClassLoader(), new Class<?>[] {ClusterState.class},
                (proxy, method, args) -> {
                    try {
                        return call.invoke(method, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
