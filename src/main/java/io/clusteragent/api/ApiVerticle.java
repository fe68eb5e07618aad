package io.clusteragent.api;

import io.clusteragent.auth.AccessControl;
import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.config.Setting;
import io.clusteragent.health.Draining;
import io.clusteragent.health.Probes;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.clusteragent.tls.CertificateReloader;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Serves the REST API, the probes and /metrics. Start completes only once the port is bound; stop,
 * once an orderly shutdown has begun, lets the requests in flight finish before closing the port.
 */
public final class ApiVerticle extends AbstractVerticle {

    private static final Logger LOG = LoggerFactory.getLogger(ApiVerticle.class);
    private static final int ANALYSIS_POOL_SIZE =
            Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * Port 0 would give the instance on each event loop a random port of its own, and all traffic to
     * the logged one would land on a single loop; Vert.x shares a random port among the servers that
     * ask for the same negative one.
     */
    private static final int SHARED_RANDOM_PORT = -1;

    private final AgentConfig config;
    private final ClusterState state;
    private final Clock clock;
    private final ResponseCache cache;
    private final Draining draining;
    private final Optional<KubeStateMetrics> kubeState;
    private final AccessControl access;
    private final CadvisorMetrics cadvisor;
    private SharedEdge edge;
    private WorkerExecutor analysisPool;
    private ConnectionGuard guard;
    private HttpServer server;

    public ApiVerticle(AgentConfig config, ClusterState state, Clock clock) {
        this(config, state, clock, new ResponseCache(config.responseCacheBytes()));
    }

    /** Instances on several event loops share one cache, so an answer computed by one serves them all. */
    public ApiVerticle(AgentConfig config, ClusterState state, Clock clock, ResponseCache cache) {
        this(config, state, clock, cache, new Draining());
    }

    /** @param draining begun when the agent is asked to stop: readiness fails, answers close their connection */
    public ApiVerticle(AgentConfig config, ClusterState state, Clock clock, ResponseCache cache, Draining draining) {
        this(config, state, clock, cache, draining, Optional.empty());
    }

    /** @param kubeState the families {@code /metrics/kubestate} serves; empty when KUBE_STATE_RESOURCES is */
    public ApiVerticle(
            AgentConfig config,
            ClusterState state,
            Clock clock,
            ResponseCache cache,
            Draining draining,
            Optional<KubeStateMetrics> kubeState) {
        this(
                config,
                state,
                clock,
                cache,
                draining,
                kubeState,
                unauthenticated(config),
                CadvisorMetrics.create(config.cadvisor(), state, clock),
                null);
    }

    /**
     * @param access who may call which route; one for every instance, so they share its caches
     * @param cadvisor the families {@code /metrics/cadvisor} serves, or why they are off
     * @param edge shared by the instances on every event loop, so that the limit of requests in flight is the
     *     agent's and one watcher reloads the certificate; null makes one of this instance's own
     */
    public ApiVerticle(
            AgentConfig config,
            ClusterState state,
            Clock clock,
            ResponseCache cache,
            Draining draining,
            Optional<KubeStateMetrics> kubeState,
            AccessControl access,
            CadvisorMetrics cadvisor,
            SharedEdge edge) {
        this.access = access;
        this.edge = edge;
        this.kubeState = kubeState;
        this.cadvisor = cadvisor;
        this.config = config;
        this.state = state;
        this.clock = clock;
        this.cache = cache;
        this.draining = draining;
    }

    @Override
    public void start(Promise<Void> startPromise) {
        if (edge == null) {
            edge = SharedEdge.create(vertx, config);
        }
        analysisPool = vertx.createSharedWorkerExecutor("analysis-pool", ANALYSIS_POOL_SIZE);
        HttpServerOptions plain = new HttpServerOptions()
                .setPort(config.port() == 0 ? SHARED_RANDOM_PORT : config.port())
                // Nothing speaks HTTP/2 to the agent; while Vert.x looks for an h2c preface, a connection
                // that sends nothing is out of reach of every timeout.
                .setHttp2ClearTextEnabled(false)
                // Nor WebSocket: without compression offered, Netty's WebSocket extension handler is not in
                // every connection's pipeline, inspecting each response written.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setMaxHeaderSize(config.limits().maxHeaderSize())
                .setMaxInitialLineLength(config.limits().maxUrlLength())
                .setReadIdleTimeout((int) config.readTimeout().toMillis())
                .setWriteIdleTimeout((int) config.writeTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        edge.tls
                .map(tls -> tls.secure(plain))
                .orElse(Future.succeededFuture(plain))
                .compose(this::listen)
                .onSuccess(bound -> {
                    server = bound;
                    edge.tls.ifPresent(tls -> tls.watch(bound));
                    LOG.info(
                            "serving the API on port {} over {}",
                            bound.actualPort(),
                            edge.tls.isPresent() ? "HTTPS" : "HTTP");
                })
                .<Void>mapEmpty()
                .onComplete(startPromise);
    }

    private Future<HttpServer> listen(HttpServerOptions options) {
        Router router = ApiRouter.create(
                vertx,
                state,
                clock,
                analysisPool,
                config,
                cache,
                new Probes(vertx, state, draining),
                kubeState,
                access,
                cadvisor);
        // Before every route of the table, the edge's own included: a refused request costs no routing.
        router.route().order(-1).handler(edge.admission);
        InvalidRequests invalid = new InvalidRequests(new Envelope(clock), options);
        guard = new ConnectionGuard(vertx, draining, config.readTimeout(), router, invalid);
        guard.start();
        return vertx.createHttpServer(options)
                .connectionHandler(guard::watch)
                .requestHandler(router)
                .invalidRequestHandler(invalid)
                .listen()
                .recover(failure -> Future.failedFuture(bindFailure(failure)));
    }

    private static AccessControl unauthenticated(AgentConfig config) {
        if (config.auth().enabled()) {
            throw new IllegalArgumentException(
                    "AUTH_MODE=kubernetes needs the API server's reviews: pass an AccessControl");
        }
        return AccessControl.none();
    }

    private Throwable bindFailure(Throwable failure) {
        if (failure instanceof BindException) {
            return new IllegalStateException(
                    "cannot listen on port " + config.port() + " (" + Setting.PORT.env() + ", " + Setting.PORT.flag()
                            + "): " + failure.getMessage(),
                    failure);
        }
        return failure;
    }

    @Override
    public void stop(Promise<Void> stopPromise) {
        edge.tls.ifPresent(CertificateReloader::stop);
        guard.stop();
        Future<Void> inFlight = draining.begun() ? guard.idle(config.shutdownTimeout()) : Future.succeededFuture();
        inFlight.compose(idle -> server == null ? Future.<Void>succeededFuture() : server.close())
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
