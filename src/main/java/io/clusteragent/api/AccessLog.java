package io.clusteragent.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static net.logstash.logback.argument.StructuredArguments.kv;

/** One structured line per request, written when the response ends. */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("access");
    private static final String ROUTE = "accessLog.route";

    private AccessLog() {}

    /**
     * Remembers the matched route while it is current: when the response ends after a failure, the
     * current route is the failure handler's, and error lines would lose their route.
     */
    static void route(RoutingContext ctx) {
        if (ctx.currentRoute() != null && ctx.currentRoute().getPath() != null) {
            ctx.put(ROUTE, ctx.currentRoute().getPath());
        }
        ctx.next();
    }

    /** Called once per request by {@link Edge}, which then passes the request on. */
    static void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> line(ctx.request(), RequestIds.of(ctx), ctx.get(ROUTE), start));
    }

    /** The line of a request answered without the router, one Vert.x could not read: it has no route. */
    static void unrouted(HttpServerRequest request, String requestId, long start) {
        line(request, requestId, null, start);
    }

    private static void line(HttpServerRequest request, String requestId, String route, long start) {
        long micros = (System.nanoTime() - start) / 1_000;
        int status = request.response().getStatusCode();
        LOG.info(
                "{} {} {} {}ms {}",
                request.method(),
                request.path(),
                status,
                micros / 1000.0,
                kv("requestId", requestId),
                kv("method", request.method().name()),
                kv("path", request.path()),
                kv("route", route),
                kv("status", status),
                kv("durationMs", micros / 1000.0));
    }
}
