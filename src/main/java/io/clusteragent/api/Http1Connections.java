package io.clusteragent.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * What the agent needs from a Vert.x 4 HTTP/1.x server connection that the public API does not
 * offer; the only place that reaches into Vert.x internals, so an upgrade has one class to revisit.
 * Every connection is HTTP/1.x here: the server offers neither h2c nor, over TLS, ALPN.
 */
final class Http1Connections {

    private Http1Connections() {}

    /**
     * Hands this connection's requests straight to {@code requests} and the ones Vert.x could not
     * decode to {@code invalid}. The handler Vert.x installs instead answers a request of an unknown
     * HTTP version with a bare 501 before any handler of ours sees it (and offers WebSockets, which
     * the agent does not serve).
     */
    static void handle(
            HttpConnection connection, Handler<HttpServerRequest> requests, Handler<HttpServerRequest> invalid) {
        HttpServerConnection http1 = (HttpServerConnection) connection;
        http1.handler(requests);
        http1.invalidRequestHandler(invalid);
    }

    /**
     * Stops reading from the socket; what Vert.x itself does when a request body arrives faster than
     * it is consumed. Pausing a request does not stop the connection from decoding the requests
     * pipelined behind it.
     */
    static void pauseReading(HttpConnection connection) {
        ((ConnectionBase) connection).doPause();
    }

    static void resumeReading(HttpConnection connection) {
        ((ConnectionBase) connection).doResume();
    }
}
