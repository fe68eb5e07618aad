package io.clusteragent.api;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static net.logstash.logback.argument.StructuredArguments.kv;

/** One structured line per request, written when the response ends. */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("access");
    private static final String ROUTE = "accessLog.route";

    private AccessLog() {
    }

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
        ctx.addEndHandler(done -> {
            long micros = (System.nanoTime() - start) / 1_000;
            LOG.info("{} {} {} {}ms {}", ctx.request().method(), ctx.request().path(), ctx.response().getStatusCode(), micros / 1000.0,
                    kv("requestId", RequestIds.of(ctx)),
                    kv("method", ctx.request().method().name()),
                    kv("path", ctx.request().path()),
                    kv("route", ctx.<String>get(ROUTE)),
                    kv("status", ctx.response().getStatusCode()),
                    kv("durationMs", micros / 1000.0));
        });
    }
}
