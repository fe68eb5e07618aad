package io.clusteragent.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MetricsNaming;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@code vertx_http_server_*} meters, with the names, labels and help of vertx-micrometer's, recorded
 * at a fraction of their cost: vertx-micrometer looks up every meter of every request in the registry by
 * its tags, through the meter filters, half a dozen times per request, which cost a fifth of the event
 * loop when answers are kept. Here a series is looked up once, by method, route and status, and each
 * request then only counts and times.
 *
 * <p>Every label stays bounded: the method is one of the standard methods or {@code _OTHER}, the route a
 * route template (empty when none matched) and the code a status.
 */
public final class HttpServerMeters implements HttpServerMetrics<HttpServerMeters.Exchange, Void, Void> {

    static final String OTHER_METHOD = "_OTHER";

    /** The methods of RFC 9110, and PATCH. */
    private static final Set<HttpMethod> STANDARD_METHODS = Set.of(
            HttpMethod.GET,
            HttpMethod.HEAD,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.DELETE,
            HttpMethod.CONNECT,
            HttpMethod.OPTIONS,
            HttpMethod.TRACE,
            HttpMethod.PATCH);

    /** One request as the meters follow it, from its head to its answer's end. Confined to its event loop. */
    public static final class Exchange {
        private final String method;
        private final long startNanos = System.nanoTime();
        private String route;
        private boolean active = true;

        private Exchange(String method) {
            this.method = method;
        }
    }

    private record Series(String method, String route, int code) {}

    private record Answered(Counter requests, Timer responseTime, DistributionSummary responseBytes) {}

    private record PerMethod(LongAdder active, DistributionSummary requestBytes) {}

    private final MeterRegistry registry;
    private final String prefix = MetricsDomain.HTTP_SERVER.getPrefix();
    private final MetricsNaming names = MetricsNaming.v4Names();
    private final Map<Series, Answered> answered = new ConcurrentHashMap<>();
    private final Map<String, PerMethod> perMethod = new ConcurrentHashMap<>();
    private final LongAdder connections = new LongAdder();
    private final Counter bytesRead;
    private final Counter bytesWritten;
    private final Counter errors;

    public HttpServerMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(prefix + names.getNetActiveConnections(), connections, LongAdder::doubleValue)
                .description("Number of opened connections to the server")
                .register(registry);
        bytesRead = Counter.builder(prefix + names.getNetBytesRead())
                .description("Number of bytes received by the server")
                .register(registry);
        bytesWritten = Counter.builder(prefix + names.getNetBytesWritten())
                .description("Number of bytes sent by the server")
                .register(registry);
        errors = Counter.builder(prefix + names.getNetErrorCount())
                .description("Number of errors")
                .register(registry);
    }

    static String methodLabel(HttpMethod method) {
        return STANDARD_METHODS.contains(method) ? method.name() : OTHER_METHOD;
    }

    @Override
    public Exchange requestBegin(Void socket, HttpRequest request) {
        Exchange exchange = new Exchange(methodLabel(request.method()));
        perMethod(exchange.method).active().increment();
        return exchange;
    }

    @Override
    public void requestEnd(Exchange exchange, HttpRequest request, long bytesRead) {
        perMethod(exchange.method).requestBytes().record(bytesRead);
    }

    /** vert.x-web names each route that handles the request; routes without a path have no name. */
    @Override
    public void requestRouted(Exchange exchange, String route) {
        if (route == null || route.isEmpty()) {
            return;
        }
        exchange.route = exchange.route == null ? route : exchange.route + ">" + route;
    }

    @Override
    public void requestReset(Exchange exchange) {
        finish(exchange);
    }

    @Override
    public void responseEnd(Exchange exchange, HttpResponse response, long bytesWritten) {
        if (!finish(exchange)) {
            return;
        }
        Series key = new Series(exchange.method, exchange.route == null ? "" : exchange.route, response.statusCode());
        Answered series = answered.get(key);
        if (series == null) {
            series = answered.computeIfAbsent(key, this::register);
        }
        series.requests().increment();
        series.responseTime().record(System.nanoTime() - exchange.startNanos, TimeUnit.NANOSECONDS);
        series.responseBytes().record(bytesWritten);
    }

    /** Whether the exchange was still active: a reset request is not answered as well. */
    private boolean finish(Exchange exchange) {
        if (!exchange.active) {
            return false;
        }
        exchange.active = false;
        perMethod(exchange.method).active().decrement();
        return true;
    }

    @Override
    public Void connected(SocketAddress remoteAddress, String remoteName) {
        connections.increment();
        return null;
    }

    @Override
    public void disconnected(Void socket, SocketAddress remoteAddress) {
        connections.decrement();
    }

    @Override
    public void bytesRead(Void socket, SocketAddress remoteAddress, long numberOfBytes) {
        bytesRead.increment(numberOfBytes);
    }

    @Override
    public void bytesWritten(Void socket, SocketAddress remoteAddress, long numberOfBytes) {
        bytesWritten.increment(numberOfBytes);
    }

    @Override
    public void exceptionOccurred(Void socket, SocketAddress remoteAddress, Throwable t) {
        errors.increment();
    }

    private PerMethod perMethod(String method) {
        PerMethod meters = perMethod.get(method);
        return meters != null ? meters : perMethod.computeIfAbsent(method, this::register);
    }

    private PerMethod register(String method) {
        LongAdder active = new LongAdder();
        Gauge.builder(prefix + names.getHttpActiveRequests(), active, LongAdder::doubleValue)
                .description("Number of requests being processed")
                .tag("method", method)
                .register(registry);
        DistributionSummary requestBytes = DistributionSummary.builder(prefix + names.getHttpRequestBytes())
                .description("Size of requests in bytes")
                .tag("method", method)
                .register(registry);
        return new PerMethod(active, requestBytes);
    }

    private Answered register(Series series) {
        String[] tags = {"code", Integer.toString(series.code()), "method", series.method(), "route", series.route()};
        return new Answered(
                Counter.builder(prefix + names.getHttpRequestsCount())
                        .description("Number of processed requests")
                        .tags(tags)
                        .register(registry),
                Timer.builder(prefix + names.getHttpResponseTime())
                        .description("Request processing time")
                        .tags(tags)
                        .register(registry),
                DistributionSummary.builder(prefix + names.getHttpResponseBytes())
                        .description("Size of responses in bytes")
                        .tags(tags)
                        .register(registry));
    }
}
