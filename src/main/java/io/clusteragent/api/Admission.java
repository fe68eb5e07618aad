package io.clusteragent.api;

import io.clusteragent.config.Setting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides, before any route, whether a request is served at all, so that one caller's flood cannot
 * starve the others: at most {@code MAX_CONCURRENT_REQUESTS} are in flight across the agent, counted
 * from here to the end of their answer (or the loss of their connection), and the ones beyond get 503
 * with {@code Retry-After}. The probes are never refused: a loaded agent is neither dead nor unready.
 * <p>
 * A GET or HEAD that announces a body is refused with 400 and its connection closed after the answer,
 * the body unread: RFC 9110 (9.3.1) gives such content no meaning and warns that it is a means of
 * request smuggling, and 413 would suggest that a smaller body would do.
 * <p>
 * A request reaches here only once its head is complete: a client trickling its headers never holds
 * a slot (the connection guard closes it after {@code READ_TIMEOUT}).
 */
final class Admission implements Handler<RoutingContext> {

    private static final Set<String> PROBES = Set.of("/healthz", "/readyz");
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final String SLOT = "admission.slot";
    private static final String ADMISSION = "admission";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxInFlight;
    private final Counter overLimit;
    private final Counter bodyRefused;
    private final Counter rateLimited;

    Admission(int maxInFlight, MeterRegistry registry) {
        this.maxInFlight = maxInFlight;
        this.overLimit = rejected(registry, "concurrency");
        this.bodyRefused = rejected(registry, "body_on_get");
        this.rateLimited = rejected(registry, "rate_limit");
    }

    private static Counter rejected(MeterRegistry registry, String reason) {
        return Counter.builder("cluster_agent_http_rejected")
                .description("Requests refused before any route ran, by reason")
                .tag("reason", reason)
                .register(registry);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Edge.enter(ctx);
        ctx.put(ADMISSION, this);
        HttpServerRequest request = ctx.request();
        if (announcesBody(request)) {
            bodyRefused.increment();
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            // The unread body is still on its way; nothing after it on this connection can be trusted.
            ctx.addEndHandler(done -> request.connection().close());
            ctx.fail(new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "Request body not allowed",
                    "a " + request.method().name() + " request carries no body; this one announced "
                            + (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                                    ? "Transfer-Encoding " + request.getHeader(HttpHeaders.TRANSFER_ENCODING)
                                    : "Content-Length " + request.getHeader(HttpHeaders.CONTENT_LENGTH))));
            return;
        }
        if (PROBES.contains(request.path())) {
            ctx.next();
            return;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            overLimit.increment();
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ctx.fail(new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Too many requests",
                    maxInFlight + " requests are in flight, the most the agent serves at once ("
                            + Setting.MAX_CONCURRENT_REQUESTS.env() + "); retry after " + RETRY_AFTER_SECONDS
                            + " s"));
            return;
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) {
                inFlight.decrementAndGet();
            }
        };
        ctx.put(SLOT, release);
        ctx.addEndHandler(done -> release.run());
        ctx.next();
    }

    /**
     * Counts a request refused for its caller's rate and, when its answer is deliberately held back, gives its
     * slot back at once: a caller made to wait must not keep others out.
     */
    static void refusedForRate(RoutingContext ctx, boolean heldBack) {
        Admission admission = ctx.get(ADMISSION);
        if (admission != null) {
            admission.rateLimited.increment();
        }
        Runnable release = ctx.get(SLOT);
        if (heldBack && release != null) {
            release.run();
        }
    }

    private static boolean announcesBody(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return false;
        }
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return true;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0");
    }
}
