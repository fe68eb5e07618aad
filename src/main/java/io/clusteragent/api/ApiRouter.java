package io.clusteragent.api;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.health.Probes;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** The route table of the agent and its single failure path. */
public final class ApiRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    private static final String POD = "/api/v1/pods/:namespace/:pod";

    private ApiRouter() {
    }

    public static Router create(Vertx vertx, ClusterState state, Clock clock, WorkerExecutor pool, AgentConfig config,
            ResponseCache cache) {
        return create(vertx, state, clock, pool, config, cache, new Probes(vertx, state));
    }

    public static Router create(Vertx vertx, ClusterState state, Clock clock, WorkerExecutor pool, AgentConfig config,
            ResponseCache cache, Probes probes) {
        Envelope envelope = new Envelope(clock);
        Analyses analyses = new Analyses(state, clock, envelope, pool, cache, config.requestTimeout());
        PodRoutes pods = new PodRoutes(analyses);
        NamespaceRoutes namespaces = new NamespaceRoutes(analyses, config.podRestartThreshold());
        NodeRoutes nodes = new NodeRoutes(analyses);

        Router router = Router.router(vertx);
        router.route().handler(RequestIds::assign).handler(AccessLog::handle);
        ApiRoutes api = new ApiRoutes(router, ctx -> requireReady(ctx, probes));
        api.get(POD + "/describe", pods::describe);
        api.get(POD + "/resources", pods::resources);
        api.get(POD + "/scheduling", pods::scheduling);
        api.get(POD + "/failure-events", pods::failureEvents);
        api.get("/api/v1/namespace/:namespace/error", namespaces::errors);
        api.get("/api/v1/nodes/:node/utilization", nodes::utilization);

        router.get("/healthz").handler(AccessLog::route).handler(probes.liveness());
        router.get("/readyz").handler(AccessLog::route).handler(probes.readiness());
        router.get("/metrics").handler(AccessLog::route).handler(PrometheusScrapingHandler.create());

        router.route().failureHandler(ctx -> fail(ctx, envelope));
        router.errorHandler(404, ctx -> envelope.error(ctx, ErrorCode.RESOURCE_NOT_FOUND, "Route not found",
                "no route for " + ctx.request().method() + " " + ctx.request().path()));
        router.errorHandler(405, ctx -> {
            ctx.response().putHeader("Allow", "GET");
            envelope.error(ctx, ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed",
                    ctx.request().method() + " is not allowed on " + ctx.request().path() + "; the API is read-only (GET)");
        });
        return router;
    }

    /**
     * Every API route gets the readiness gate on the route itself, not on a shared {@code /api/*}
     * route, so the route label of the HTTP metrics is the route's own path.
     */
    private record ApiRoutes(Router router, Handler<RoutingContext> readiness) {
        void get(String path, Handler<RoutingContext> handler) {
            router.get(path).handler(AccessLog::route).handler(readiness).handler(handler);
        }
    }

    private static void requireReady(RoutingContext ctx, Probes probes) {
        if (!probes.ready()) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Not ready",
                    "the cluster cache is still syncing: " + String.join(", ", probes.unsyncedResources()));
        }
        ctx.next();
    }

    private static void fail(RoutingContext ctx, Envelope envelope) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException api) {
            envelope.error(ctx, api.code(), api.getMessage(), api.details());
        } else if (ctx.statusCode() == ErrorCode.REQUEST_TIMEOUT.httpStatus()) {
            envelope.error(ctx, ErrorCode.REQUEST_TIMEOUT, "Request timeout",
                    "the request did not complete within its time budget (REQUEST_TIMEOUT)");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500 && failure == null) {
            envelope.error(ctx, ErrorCode.BAD_REQUEST, "Invalid request", "the request could not be read");
        } else {
            LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            envelope.error(ctx, ErrorCode.INTERNAL_ERROR, "Internal server error", "see the agent log for request id " + RequestIds.of(ctx));
        }
    }
}
