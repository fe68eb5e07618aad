package io.clusteragent.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * What every request passes through, whatever becomes of it: a request id, an access log line and,
 * for HEAD, the length the GET body would have had. The router runs it first; the failure path runs it
 * too, because vert.x-web fails a request with a bad Host or a target that is not a path before the
 * first route runs.
 */
final class Edge {

    private static final String ENTERED = "edge.entered";

    private Edge() {}

    /**
     * The first handler of the router. A path with a broken percent-escape is refused here, before
     * vert.x-web tries to decode it for matching, which would throw and log the exception.
     */
    static void handle(RoutingContext ctx) {
        enter(ctx);
        if (Unroutable.hasBrokenEscape(ctx)) {
            ctx.fail(Unroutable.badRequest(ctx));
            return;
        }
        ctx.next();
    }

    /** Idempotent, so the failure path can call it whether or not the request got this far. */
    static void enter(RoutingContext ctx) {
        if (ctx.get(ENTERED) != null) {
            return;
        }
        ctx.put(ENTERED, Boolean.TRUE);
        RequestIds.assign(ctx);
        AccessLog.handle(ctx);
        if (ctx.request().method() == HttpMethod.HEAD) {
            announceLength(ctx);
        }
    }

    /**
     * Vert.x drops the body of a HEAD answer and, with it, the Content-Length it would have set. A
     * body written in one {@code end(body)} is counted before the headers go out, so its length can
     * still be announced; an answer that set its own length or is chunked keeps what it has.
     */
    private static void announceLength(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        ctx.addHeadersEndHandler(headers -> {
            if (!response.isChunked() && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(response.bytesWritten()));
            }
        });
    }
}
