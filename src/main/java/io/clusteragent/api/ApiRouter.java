package io.clusteragent.api;

import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.health.Probes;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/** The route table of the agent and its single failure path. */
public final class ApiRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    private static final String POD = "/api/v1/pods/:namespace/:pod";

    private ApiRouter() {}

    public static Router create(
            Vertx vertx,
            ClusterState state,
            Clock clock,
            WorkerExecutor pool,
            AgentConfig config,
            ResponseCache cache,
            Probes probes,
            Optional<KubeStateMetrics> kubeState,
            CadvisorMetrics cadvisor) {
        Envelope envelope = new Envelope(clock);
        Analyses analyses = new Analyses(state, clock, envelope, pool, cache, config.requestTimeout());
        PodRoutes pods = new PodRoutes(analyses);
        NamespaceRoutes namespaces = new NamespaceRoutes(analyses, config.podRestartThreshold());
        NodeRoutes nodes = new NodeRoutes(analyses);

        Router router = Router.router(vertx);
        router.route().handler(Edge::handle);
        ApiRoutes api = new ApiRoutes(router, ctx -> requireReady(ctx, probes));
        api.get(POD + "/describe", pods::describe);
        api.get(POD + "/resources", pods::resources);
        api.get(POD + "/scheduling", pods::scheduling);
        api.get(POD + "/failure-events", pods::failureEvents);
        api.get("/api/v1/namespace/:namespace/error", namespaces::errors);
        api.get("/api/v1/nodes/:node/utilization", nodes::utilization);

        readable(router, "/healthz").handler(probes.liveness());
        readable(router, "/readyz").handler(probes.readiness());
        readable(router, "/metrics").handler(PrometheusScrapingHandler.create());
        readable(router, "/metrics/kubestate").handler(new KubeStateRoute(kubeState, pool)::scrape);
        readable(router, "/metrics/cadvisor").handler(new CadvisorRoute(cadvisor)::scrape);

        router.route().failureHandler(ctx -> fail(ctx, envelope));
        // Edge refuses the paths vert.x-web cannot decode; should matching still throw, the caller gets a 400, not a
        // stack trace.
        router.errorHandler(400, ctx -> answer(ctx, envelope, Unroutable.badRequest(ctx)));
        router.errorHandler(
                404,
                ctx -> envelope.error(
                        ctx,
                        ErrorCode.RESOURCE_NOT_FOUND,
                        "Route not found",
                        "no route for "
                                + Names.abbreviate(ctx.request().method().name()) + " "
                                + Names.abbreviate(ctx.request().path())));
        router.errorHandler(405, ctx -> answer(ctx, envelope, Unroutable.methodNotAllowed(ctx)));
        return router;
    }

    /**
     * A route answering GET and HEAD, as HTTP wants of every route that answers GET. The route is
     * remembered for the access log while it is current.
     */
    private static Route readable(Router router, String path) {
        return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(AccessLog::route);
    }

    /**
     * Every API route gets the readiness gate on the route itself, not on a shared {@code /api/*}
     * route, so the route label of the HTTP metrics is the route's own path.
     */
    private record ApiRoutes(Router router, Handler<RoutingContext> readiness) {
        void get(String path, Handler<RoutingContext> handler) {
            readable(router, path).handler(readiness).handler(handler);
        }
    }

    private static void requireReady(RoutingContext ctx, Probes probes) {
        if (!probes.ready()) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Not ready",
                    "the cluster cache is still syncing: " + String.join(", ", probes.unsyncedResources()));
        }
        ctx.next();
    }

    private static void answer(RoutingContext ctx, Envelope envelope, ApiException answer) {
        Edge.enter(ctx);
        envelope.error(ctx, answer.code(), answer.getMessage(), answer.details());
    }

    private static void fail(RoutingContext ctx, Envelope envelope) {
        if (ctx.response().ended()) {
            return;
        }
        Edge.enter(ctx);
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException api) {
            answer(ctx, envelope, api);
        } else if (ctx.statusCode() == ErrorCode.REQUEST_TIMEOUT.httpStatus()) {
            envelope.error(
                    ctx,
                    ErrorCode.REQUEST_TIMEOUT,
                    "Request timeout",
                    "the request did not complete within its time budget (REQUEST_TIMEOUT)");
        } else if (Unroutable.asksForOptions(ctx)) {
            answer(ctx, envelope, Unroutable.methodNotAllowed(ctx));
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            // vert.x-web refused the request before any route ran: a bad Host, a target that is not a path.
            answer(ctx, envelope, Unroutable.badRequest(ctx));
        } else {
            LOG.error(
                    "request {} {} failed",
                    ctx.request().method(),
                    ctx.request().path(),
                    failure);
            envelope.error(
                    ctx,
                    ErrorCode.INTERNAL_ERROR,
                    "Internal server error",
                    "see the agent log for request id " + RequestIds.of(ctx));
        }
    }
}
