package io.clusteragent.api;

import ch.qos.logback.classic.Logger;
import io.clusteragent.logging.BackgroundWriter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.backends.BackendRegistries;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * One structured line per request, timed when the response ends. The event loop only notes the facts
 * of the request; formatting and writing the line, a syscall each on the console, happen on the
 * writer thread, so the loop never waits for stdout. Logback is one per JVM, and so is this writer.
 */
public final class AccessLog {

    /** About a second of lines at the rate the agent serves kept answers, and a few MB at most. */
    static final int CAPACITY = 65_536;

    static final String WRITER_THREAD = "access-log-writer";

    private static final Logger LOG = (Logger) LoggerFactory.getLogger("access");
    private static final String ROUTE = "accessLog.route";
    private static final String USER = "accessLog.user";
    private static final BackgroundWriter<AccessLine> WRITER =
            new BackgroundWriter<>(WRITER_THREAD, CAPACITY, line -> LOG.callAppenders(line.event(LOG)));

    static {
        // The agent's Vert.x and its registry exist before the first route, which loads this class.
        MeterRegistry registry = BackendRegistries.getDefaultNow();
        if (registry != null) {
            bind(registry);
        }
    }

    private AccessLog() {}

    /** Shows on {@code registry} how many lines were lost; registering again on the same registry is harmless. */
    public static void bind(MeterRegistry registry) {
        FunctionCounter.builder("cluster_agent_access_log_dropped", WRITER, BackgroundWriter::dropped)
                .description("Access-log lines not written because the writer's queue was full")
                .register(registry);
    }

    /**
     * Waits until the lines of the requests answered so far are written, at most {@code timeout}: the
     * writer is a daemon thread, and what it still holds when the JVM ends is lost.
     *
     * @return whether they were
     */
    public static boolean flush(Duration timeout) {
        return WRITER.flush(timeout);
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

    /** Names the authenticated caller in the request's line: the user name, never what proved it. */
    static void user(RoutingContext ctx, String user) {
        ctx.put(USER, user);
    }

    /** Called once per request by {@link Edge}, which then passes the request on. */
    static void handle(RoutingContext ctx) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long start = System.nanoTime();
        ctx.addEndHandler(done -> line(ctx.request(), RequestIds.of(ctx), ctx.get(ROUTE), ctx.get(USER), start));
    }

    /** The line of a request answered without the router, one Vert.x could not read: it has no route. */
    static void unrouted(HttpServerRequest request, String requestId, long start) {
        if (LOG.isInfoEnabled()) {
            line(request, requestId, null, null, start);
        }
    }

    private static void line(HttpServerRequest request, String requestId, String route, String user, long start) {
        WRITER.submit(new AccessLine(
                request.method(),
                request.path(),
                route,
                user,
                request.response().getStatusCode(),
                requestId,
                System.nanoTime() - start,
                Instant.now(),
                Thread.currentThread().getName()));
    }
}
