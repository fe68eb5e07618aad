package io.clusteragent.api;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.AgentConfig;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Serves the REST API, the probes and /metrics. Start completes only once the port is bound. */
public final class ApiVerticle extends AbstractVerticle {

    private static final Logger LOG = LoggerFactory.getLogger(ApiVerticle.class);
    private static final int ANALYSIS_POOL_SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * Port 0 would give the instance on each event loop a random port of its own, and all traffic to
     * the logged one would land on a single loop; Vert.x shares a random port among the servers that
     * ask for the same negative one.
     */
    private static final int SHARED_RANDOM_PORT = -1;

    private final AgentConfig config;
    private final ClusterState state;
    private final Clock clock;
    private WorkerExecutor analysisPool;
    private HttpServer server;

    private final ResponseCache cache;

    public ApiVerticle(AgentConfig config, ClusterState state, Clock clock) {
        this(config, state, clock, new ResponseCache(config.responseCacheBytes()));
    }

    /** Instances on several event loops share one cache, so an answer computed by one serves them all. */
    public ApiVerticle(AgentConfig config, ClusterState state, Clock clock, ResponseCache cache) {
        this.config = config;
        this.state = state;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public void start(Promise<Void> startPromise) {
        analysisPool = vertx.createSharedWorkerExecutor("analysis-pool", ANALYSIS_POOL_SIZE);
        HttpServerOptions options = new HttpServerOptions()
                .setPort(config.port() == 0 ? SHARED_RANDOM_PORT : config.port())
                .setReadIdleTimeout((int) config.readTimeout().toMillis())
                .setWriteIdleTimeout((int) config.writeTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        vertx.createHttpServer(options)
                .requestHandler(ApiRouter.create(vertx, state, clock, analysisPool, config, cache))
                .listen()
                .onSuccess(bound -> {
                    server = bound;
                    LOG.info("serving the API on port {}", bound.actualPort());
                })
                .<Void>mapEmpty()
                .onComplete(startPromise);
    }

    @Override
    public void stop(Promise<Void> stopPromise) {
        (server == null ? io.vertx.core.Future.<Void>succeededFuture() : server.close())
                .onComplete(closed -> {
                    analysisPool.close();
                    stopPromise.complete();
                });
    }

    /** The bound port; useful when the configured port is 0. */
    public int port() {
        return server.actualPort();
    }
}
