package io.clusteragent.cluster;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A loopback proxy in front of the mock API server, the way some corporate and multi-cluster proxies
 * stand in front of real ones: it refuses WebSocket upgrades, serves watches as streaming GETs (one
 * JSON event per line, as the API server does), and ends every watch after a fixed lifetime, as API
 * servers and load balancers do. It can also be taken down: then it closes every connection unanswered.
 */
final class WatchEndingProxy implements AutoCloseable {

    private static final List<CharSequence> HOP_BY_HOP = List.of(
            HttpHeaders.CONNECTION,
            HttpHeaders.UPGRADE,
            "Keep-Alive",
            HttpHeaders.TRANSFER_ENCODING,
            HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.HOST);

    private final Vertx vertx;
    private final int upstreamPort;
    private final Duration watchLifetime;
    private final HttpClient upstream;
    private final AtomicInteger watchesEnded = new AtomicInteger();
    private final AtomicInteger upgradesRefused = new AtomicInteger();
    private volatile Consumer<String> onWatchEnded = uri -> {};
    private volatile boolean down;
    private HttpServer server;

    private WatchEndingProxy(Vertx vertx, int upstreamPort, Duration watchLifetime) {
        this.vertx = vertx;
        this.upstreamPort = upstreamPort;
        this.watchLifetime = watchLifetime;
        this.upstream = vertx.createHttpClient();
    }

    static Future<WatchEndingProxy> start(Vertx vertx, int upstreamPort, Duration watchLifetime) {
        WatchEndingProxy proxy = new WatchEndingProxy(vertx, upstreamPort, watchLifetime);
        return vertx.createHttpServer()
                .requestHandler(proxy::handle)
                .listen(0, "127.0.0.1")
                .map(server -> {
                    proxy.server = server;
                    return proxy;
                });
    }

    int port() {
        return server.actualPort();
    }

    int watchesEnded() {
        return watchesEnded.get();
    }

    int upgradesRefused() {
        return upgradesRefused.get();
    }

    /** Called on the proxy's event loop with the URI of each watch the proxy ends. */
    void onWatchEnded(Consumer<String> action) {
        onWatchEnded = action;
    }

    void down(boolean down) {
        this.down = down;
    }

    private void handle(HttpServerRequest request) {
        if (down) {
            request.connection().close();
        } else if ("websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            upgradesRefused.incrementAndGet();
            request.response().setStatusCode(400).end("this proxy does not carry WebSockets");
        } else if ("true".equals(request.getParam("watch"))) {
            watch(request);
        } else {
            forward(request);
        }
    }

    private void forward(HttpServerRequest request) {
        request.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost("127.0.0.1")
                .setPort(upstreamPort)
                .setURI(request.uri())
                .setHeaders(endToEnd(request.headers()));
        upstream.request(options)
                .compose(out -> out.send(request))
                .compose(in -> {
                    HttpServerResponse response = request.response().setStatusCode(in.statusCode());
                    response.headers().addAll(endToEnd(in.headers()));
                    return in.body().compose(response::end);
                })
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }

    /**
     * The mock API server watches over WebSockets only: its events are passed on as lines of a
     * streaming response, whose head goes out at once, before any event, as the API server's does.
     */
    private void watch(HttpServerRequest request) {
        HttpServerResponse response = request.response()
                .setStatusCode(200)
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        response.writeHead();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost("127.0.0.1")
                .setPort(upstreamPort)
                .setURI(request.uri());
        upstream.webSocket(options).onFailure(failure -> response.reset()).onSuccess(events -> {
            events.textMessageHandler(event -> {
                if (!response.ended()) {
                    response.write(event + "\n");
                }
            });
            events.closeHandler(closed -> end(response));
            response.closeHandler(closed -> events.close());
            vertx.setTimer(watchLifetime.toMillis(), id -> {
                if (end(response)) {
                    events.close();
                    watchesEnded.incrementAndGet();
                    onWatchEnded.accept(request.uri());
                }
            });
        });
    }

    private static boolean end(HttpServerResponse response) {
        if (response.ended() || response.closed()) {
            return false;
        }
        response.end();
        return true;
    }

    private static MultiMap endToEnd(MultiMap headers) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap().addAll(headers);
        HOP_BY_HOP.forEach(copy::remove);
        return copy;
    }

    /**
     * Waits until its connections are closed, so the mock API server behind it can shut down at once; a
     * loaded machine may take a while to close a streaming watch.
     */
    @Override
    public void close() throws Exception {
        Future.join(server.close(), upstream.close())
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }
}
