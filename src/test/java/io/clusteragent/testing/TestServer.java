package io.clusteragent.testing;

import io.clusteragent.Main;
import io.clusteragent.api.ApiVerticle;
import io.clusteragent.api.ResponseCache;
import io.clusteragent.auth.AccessControl;
import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.health.Draining;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/** The API verticle on a free port over a given cluster state, driven by a real HTTP client. */
public final class TestServer implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    private final Vertx vertx;
    private final WebClient client;
    private final int port;

    private TestServer(Vertx vertx, int port) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.port = port;
    }

    public static TestServer start(ClusterState state) {
        return start(state, Map.of());
    }

    public static TestServer start(ClusterState state, Map<String, String> env) {
        return start(state, env, Optional.empty());
    }

    /** @param kubeState what {@code /metrics/kubestate} serves; empty answers it 404 */
    public static TestServer start(ClusterState state, Map<String, String> env, Optional<KubeStateMetrics> kubeState) {
        return start(state, env, kubeState, TestServer::unauthenticated);
    }

    /** @param access who may call which route, made on the server's Vert.x for its configuration */
    public static TestServer start(
            ClusterState state,
            Map<String, String> env,
            Optional<KubeStateMetrics> kubeState,
            BiFunction<Vertx, AgentConfig, AccessControl> access) {
        AgentConfig config = AgentConfig.fromMap(withGenerousBudget(env), List.of("--port", "0"));
        return start(
                state,
                env,
                kubeState,
                access,
                CadvisorMetrics.create(config.cadvisor(), state, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** @param cadvisor what {@code /metrics/cadvisor} serves, started (its first reading made) before the server */
    public static TestServer start(
            ClusterState state,
            Map<String, String> env,
            Optional<KubeStateMetrics> kubeState,
            CadvisorMetrics cadvisor) {
        return start(state, env, kubeState, TestServer::unauthenticated, cadvisor);
    }

    private static AccessControl unauthenticated(Vertx vertx, AgentConfig config) {
        return AccessControl.of(vertx, config.auth(), null, "localhost");
    }

    /** @param cadvisor what {@code /metrics/cadvisor} serves, started (its first reading made) before the server */
    public static TestServer start(
            ClusterState state,
            Map<String, String> env,
            Optional<KubeStateMetrics> kubeState,
            BiFunction<Vertx, AgentConfig, AccessControl> access,
            CadvisorMetrics cadvisor) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(Main.metricsOptions()));
        AgentConfig config = AgentConfig.fromMap(withGenerousBudget(env), List.of("--port", "0"));
        await(cadvisor.start(vertx, Metrics.globalRegistry));
        ApiVerticle api = new ApiVerticle(
                config,
                state,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new ResponseCache(config.responseCacheBytes()),
                new Draining(),
                kubeState,
                access.apply(vertx, config),
                cadvisor,
                null);
        await(vertx.deployVerticle(api));
        return new TestServer(vertx, api.port());
    }

    /**
     * The first request of a JVM loads and compiles the analysis, which on a loaded machine can take
     * longer than the production budget; tests of the budget set REQUEST_TIMEOUT themselves.
     */
    private static Map<String, String> withGenerousBudget(Map<String, String> env) {
        Map<String, String> settings = new java.util.HashMap<>(env);
        settings.putIfAbsent("REQUEST_TIMEOUT", "10s");
        return settings;
    }

    /** The port it serves on, for clients other than its own. */
    public int port() {
        return port;
    }

    public HttpResponse<Buffer> get(String path) {
        return request(HttpMethod.GET, path, MultiMap.caseInsensitiveMultiMap());
    }

    public HttpResponse<Buffer> request(HttpMethod method, String path, MultiMap headers) {
        return await(client.request(method, port, "localhost", path)
                .putHeaders(headers)
                .send());
    }

    public static JsonObject json(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        await(vertx.close());
        Metrics.globalRegistry.clear();
    }
}
