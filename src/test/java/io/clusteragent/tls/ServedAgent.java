package io.clusteragent.tls;

import io.clusteragent.Agent;
import io.clusteragent.Main;
import io.clusteragent.config.AgentConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The agent as Main starts it, with its meters, on the demo cluster and a free port, with the given settings. */
final class ServedAgent implements AutoCloseable {

    final Vertx vertx = Vertx.vertx(Main.vertxOptions());
    final int port;

    ServedAgent(Map<String, String> env, Path spool) throws Exception {
        Map<String, String> settings = new HashMap<>(env);
        settings.put("SPOOL_DIR", spool.resolve("spool").toString());
        AgentConfig config = AgentConfig.fromMap(
                settings,
                List.of("--snapshot", "examples/demo-cluster.yaml", "--now", "2026-01-15T12:00:00Z", "--port", "0"));
        try {
            port = await(new Agent(vertx, config).start()).port();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        await(vertx.close());
    }
}
