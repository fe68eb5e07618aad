package io.clusteragent.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token (so traces
 * join across services), a fresh UUID otherwise. The id is echoed in the response header, the
 * envelope's metadata and the access log.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

    private RequestIds() {}

    /** Called once per request by {@link Edge}, which then passes the request on. */
    static void assign(RoutingContext ctx) {
        ctx.put(KEY, assign(ctx.request()));
    }

    /** Picks the id of a request and sets it on its response; also for requests answered without the router. */
    static String assign(HttpServerRequest request) {
        String offered = request.getHeader(HEADER);
        String id = offered != null && SAFE.matcher(offered).matches() ? offered : fresh();
        request.response().putHeader(HEADER, id);
        return id;
    }

    /**
     * A random version 4 UUID. Ids correlate log lines and guard nothing, so they come from the
     * thread's own generator rather than the shared, locked secure one.
     */
    private static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "" : id;
    }
}
