package io.clusteragent.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * One client connection as its guard sees it: the request it was last given and since when it has
 * been waiting for the next one. Confined to the event loop of its server.
 */
final class GuardedConnection {

    private final HttpConnection connection;
    private HttpServerRequest current;
    private boolean answered;
    private boolean closeAfterAnswer;
    private long waitingSince;

    GuardedConnection(HttpConnection connection, long openedAt) {
        this.connection = connection;
        this.waitingSince = openedAt;
    }

    /**
     * Hands a request on, unless the client has not read the answers before it: Vert.x answers
     * pipelined requests as fast as they come, and each answer would wait in memory for a client that
     * may never read. Then the request waits, and the connection stops reading, until the client has
     * taken most of what was written (Netty's low-water mark), so a connection holds at most one
     * answer more than that. A client that reads nothing is closed by WRITE_TIMEOUT.
     */
    void dispatch(HttpServerRequest request, Handler<HttpServerRequest> handler, boolean draining) {
        current = request;
        answered = false;
        if (draining) {
            // Keep-alive clients move to another replica instead of sending here again.
            request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            closeAfterAnswer = true;
        }
        if (!request.response().writeQueueFull()) {
            handler.handle(request);
            return;
        }
        request.pause();
        Http1Connections.pauseReading(connection);
        request.response().drainHandler(drained -> {
            request.response().drainHandler(null);
            Http1Connections.resumeReading(connection);
            request.resume();
            handler.handle(request);
        });
    }

    /** Whether a request was given and its answer has not been written to the end yet. */
    boolean busy() {
        return current != null && !current.response().ended();
    }

    /**
     * Whether the connection is due to be closed at {@code now}: it has waited longer than
     * {@code headDeadlineNanos} for a complete request head since it opened or since its last answer
     * ended (seen at the first sweep after it ended), or it was answered with {@code Connection: close}.
     */
    boolean due(long now, long headDeadlineNanos) {
        if (current != null && !answered) {
            if (!current.response().ended()) {
                return false;
            }
            answered = true;
            waitingSince = now;
        }
        boolean toldToClose = closeAfterAnswer && answered;
        return toldToClose || now - waitingSince > headDeadlineNanos;
    }

    void close() {
        connection.close();
    }
}
