package io.clusteragent.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/**
 * Requests vert.x-web refuses before or while matching routes, named for the caller: a missing or
 * malformed Host header, a path with a broken percent-escape, a target that is not a path at all.
 * vert.x-web would answer these with a 500 or a plain-text 400 and a logged stack trace.
 */
final class Unroutable {

    private static final String ALLOW = "GET, HEAD";
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private Unroutable() {}

    /** Whether the request has a target vert.x-web could not route: {@code *}, a host, garbage. */
    static boolean notAPath(RoutingContext ctx) {
        String path = ctx.request().path();
        return path == null || path.isEmpty() || path.charAt(0) != '/';
    }

    static boolean hasBrokenEscape(RoutingContext ctx) {
        String path = ctx.request().path();
        return path != null && BROKEN_ESCAPE.matcher(path).find();
    }

    /** {@code OPTIONS *} asks what the server supports: the same answer as any method the API does not serve. */
    static boolean asksForOptions(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.OPTIONS
                && "*".equals(ctx.request().path());
    }

    /** The 400 of a request that could not be routed, naming what is wrong with it. */
    static ApiException badRequest(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.version() != HttpVersion.HTTP_1_0 && request.authority() == null) {
            String host = request.getHeader(HttpHeaders.HOST);
            return new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "Invalid Host header",
                    host == null
                            ? "the Host header is missing; an HTTP/1.1 request must name the server as host or host:port"
                            : "the Host header must be host or host:port, got '" + Names.abbreviate(host) + "'");
        }
        String path = request.path();
        if (notAPath(ctx)) {
            return new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "Invalid request target",
                    "the request target must be a path starting with '/', got '" + Names.abbreviate(path) + "'");
        }
        if (hasBrokenEscape(ctx)) {
            return new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "Invalid path",
                    "the path '" + Names.abbreviate(path)
                            + "' is not a valid URL path: a '%' must be followed by two hexadecimal digits");
        }
        return new ApiException(ErrorCode.BAD_REQUEST, "Invalid request", "the request could not be read");
    }

    static ApiException methodNotAllowed(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.ALLOW, ALLOW);
        String target = asksForOptions(ctx) ? "this server" : ctx.request().path();
        return new ApiException(
                ErrorCode.METHOD_NOT_ALLOWED,
                "Method not allowed",
                Names.abbreviate(ctx.request().method().name()) + " is not allowed on " + Names.abbreviate(target)
                        + "; the API is read-only (GET, HEAD)");
    }
}
