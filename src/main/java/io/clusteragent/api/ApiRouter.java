package io.clusteragent.api;

import io.clusteragent.auth.AccessControl;
import io.clusteragent.auth.AccessRule;
import io.clusteragent.auth.Permission;
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
    private static final String ACCESS_RULE = "accessRule";

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
            AccessControl access,
            CadvisorMetrics cadvisor) {
        Envelope envelope = new Envelope(clock);
        AccessGate gate = new AccessGate(access, envelope);
        Analyses analyses = new Analyses(state, clock, envelope, pool, cache, config.requestTimeout());
        PodRoutes pods = new PodRoutes(analyses);
        NamespaceRoutes namespaces = new NamespaceRoutes(analyses, config.podRestartThreshold());
        NodeRoutes nodes = new NodeRoutes(analyses);

        Router router = Router.router(vertx);
        router.route().handler(Edge::handle);
        Routes routes = new Routes(router, gate);
        Handler<RoutingContext> ready = ctx -> requireReady(ctx, probes);
        AccessRule pod = AccessRule.allOf(
                Permission.get("pods").inNamespace("namespace").named("pod"),
                Permission.list("events").inNamespace("namespace"));
        routes.get(POD + "/describe", pod, ready, pods::describe);
        routes.get(POD + "/resources", pod, ready, pods::resources);
        routes.get(POD + "/scheduling", pod, ready, pods::scheduling);
        routes.get(POD + "/failure-events", pod, ready, pods::failureEvents);
        routes.get(
                "/api/v1/namespace/:namespace/error",
                AccessRule.allOf(
                        Permission.list("pods").inNamespace("namespace"),
                        Permission.list("events").inNamespace("namespace")),
                ready,
                namespaces::errors);
        routes.get(
                "/api/v1/nodes/:node/utilization",
                AccessRule.allOf(
                        Permission.get("nodes").named("node"),
                        Permission.get("nodes").subresource("metrics").named("node")),
                ready,
                nodes::utilization);

        routes.get("/healthz", AccessRule.open(), probes.liveness());
        routes.get("/readyz", AccessRule.open(), probes.readiness());
        routes.get("/metrics", AccessRule.nonResourceUrl(), PrometheusScrapingHandler.create());
        routes.get("/metrics/kubestate", AccessRule.nonResourceUrl(), new KubeStateRoute(kubeState, pool)::scrape);
        routes.get("/metrics/cadvisor", AccessRule.nonResourceUrl(), new CadvisorRoute(cadvisor)::scrape);

        router.route().failureHandler(ctx -> fail(ctx, envelope));
        // Edge refuses the paths vert.x-web cannot decode; should matching still throw, the caller gets a 400, not a
        // stack trace.
        router.errorHandler(400, ctx -> answer(ctx, envelope, Unroutable.badRequest(ctx)));
        // Whether a path is served is told to authenticated callers only.
        router.errorHandler(404, ctx -> gate.whenAuthenticated(ctx, known -> notFound(known, envelope)));
        router.errorHandler(
                405,
                ctx -> gate.whenAuthenticated(
                        ctx, known -> answer(known, envelope, Unroutable.methodNotAllowed(known))));
        return router;
    }

    private static void notFound(RoutingContext ctx, Envelope envelope) {
        envelope.error(
                ctx,
                ErrorCode.RESOURCE_NOT_FOUND,
                "Route not found",
                "no route for "
                        + Names.abbreviate(ctx.request().method().name()) + " "
                        + Names.abbreviate(ctx.request().path()));
    }

    /** The access rule of {@code route}, which every route with a path has: the route table cannot add one without. */
    public static Optional<AccessRule> accessRule(Route route) {
        return Optional.ofNullable(route.getMetadata(ACCESS_RULE));
    }

    /**
     * The only way a route enters the table: GET and HEAD (as HTTP wants of every route that answers GET), its
     * access rule enforced first, then its handlers. The route is remembered for the access log while it is
     * current. Every API route gets the readiness gate on the route itself, not on a shared {@code /api/*} route,
     * so the route label of the HTTP metrics is the route's own path.
     */
    private record Routes(Router router, AccessGate gate) {
        @SafeVarargs
        final void get(String path, AccessRule rule, Handler<RoutingContext>... handlers) {
            Route route = router.route(path)
                    .method(HttpMethod.GET)
                    .method(HttpMethod.HEAD)
                    .putMetadata(ACCESS_RULE, rule)
                    .handler(AccessLog::route)
                    .handler(gate.enforce(rule));
            for (Handler<RoutingContext> handler : handlers) {
                route.handler(handler);
            }
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

    static void answer(RoutingContext ctx, Envelope envelope, ApiException answer) {
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
