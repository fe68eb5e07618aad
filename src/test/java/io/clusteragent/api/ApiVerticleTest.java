package io.clusteragent.api;

import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.config.AgentConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ApiVerticleTest {

    @Test
    void instancesOnEveryEventLoopShareARandomPort() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            AgentConfig config = AgentConfig.fromMap(Map.of(), List.of("--port", "0"));
            ResponseCache cache = new ResponseCache(config.responseCacheBytes());
            List<ApiVerticle> instances = new CopyOnWriteArrayList<>();
            vertx.deployVerticle(
                            () -> {
                                ApiVerticle instance =
                                        new ApiVerticle(config, InMemoryClusterState.of(), Clock.systemUTC(), cache);
                                instances.add(instance);
                                return instance;
                            },
                            new DeploymentOptions().setInstances(2))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);

            assertThat(instances).hasSize(2);
            assertThat(instances.get(0).port())
                    .isPositive()
                    .isEqualTo(instances.get(1).port());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
