package io.clusteragent.api;

import io.clusteragent.Main;
import io.clusteragent.auth.AccessControl;
import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.health.Draining;
import io.clusteragent.testing.TestServer;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The API as the agent serves it (an instance per event loop) on the demo cluster, with the given settings. */
final class GuardedServer implements AutoCloseable {

    private static ClusterState demo;

    final Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(Main.metricsOptions()));
    final Draining draining = new Draining();
    final int port;

    GuardedServer(Map<String, String> env) throws Exception {
        this(env, "0");
    }

    GuardedServer(Map<String, String> env, String port) throws Exception {
        AgentConfig config = AgentConfig.fromMap(env, List.of("--port", port));
        ResponseCache cache = new ResponseCache(config.responseCacheBytes());
        SharedEdge edge = SharedEdge.create(vertx, config);
        ApiVerticle[] first = new ApiVerticle[1];
        try {
            await(vertx.deployVerticle(
                    () -> {
                        ApiVerticle instance = new ApiVerticle(
                                config,
                                demo(),
                                Clock.fixed(TestServer.NOW, ZoneOffset.UTC),
                                cache,
                                draining,
                                Optional.empty(),
                                AccessControl.none(),
                                CadvisorMetrics.create(config.cadvisor(), demo(), Clock.systemUTC()),
                                edge);
                        first[0] = first[0] == null ? instance : first[0];
                        return instance;
                    },
                    new DeploymentOptions().setInstances(2)));
        } catch (Exception e) {
            close();
            throw e;
        }
        this.port = first[0].port();
    }

    private static synchronized ClusterState demo() {
        if (demo == null) {
            demo = new SnapshotLoader().load(Path.of("examples/demo-cluster.yaml"), TestServer.NOW);
        }
        return demo;
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        await(vertx.close());
        Metrics.globalRegistry.clear();
    }
}
