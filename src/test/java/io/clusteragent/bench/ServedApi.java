package io.clusteragent.bench;

import io.clusteragent.Main;
import io.clusteragent.api.ApiVerticle;
import io.clusteragent.api.ResponseCache;
import io.clusteragent.api.SharedEdge;
import io.clusteragent.auth.AccessControl;
import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.health.Draining;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The API deployed as the agent deploys it, for the benchmarks: HTTP metrics on, the epoll transport, one
 * verticle per event loop on one port, one shared answer cache, and the analysis clock moving with the wall
 * clock from {@code now}. Each in a Vert.x of its own, since servers of one Vert.x asking for a random port
 * share it.
 */
record ServedApi(Vertx vertx, int port) implements AutoCloseable {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    static ServedApi start(AgentConfig config, ClusterState state, Instant now, Optional<KubeStateMetrics> kubeState)
            throws Exception {
        return start(
                config,
                state,
                now,
                kubeState,
                (vertx, settings) -> AccessControl.of(vertx, settings.auth(), null, "127.0.0.1"));
    }

    /** @param access the access control every event loop shares, as the agent's */
    static ServedApi start(
            AgentConfig config,
            ClusterState state,
            Instant now,
            Optional<KubeStateMetrics> kubeState,
            BiFunction<Vertx, AgentConfig, AccessControl> access)
            throws Exception {
        Vertx vertx = Vertx.vertx(Main.vertxOptions());
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), now));
        ResponseCache cache = new ResponseCache(config.responseCacheBytes());
        Draining draining = new Draining();
        SharedEdge edge = SharedEdge.create(vertx, config);
        AccessControl shared = access.apply(vertx, config);
        List<ApiVerticle> instances = new CopyOnWriteArrayList<>();
        vertx.deployVerticle(
                        () -> {
                            ApiVerticle instance = new ApiVerticle(
                                    config,
                                    state,
                                    clock,
                                    cache,
                                    draining,
                                    kubeState,
                                    shared,
                                    CadvisorMetrics.create(config.cadvisor(), state, clock),
                                    edge);
                            instances.add(instance);
                            return instance;
                        },
                        new DeploymentOptions().setInstances(CORES))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.MINUTES);
        return new ServedApi(vertx, instances.get(0).port());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }
}
