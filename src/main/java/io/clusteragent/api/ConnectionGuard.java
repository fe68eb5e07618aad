package io.clusteragent.api;

import io.clusteragent.health.Draining;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Guards the connections of one HTTP server instance, per connection rather than per request: a
 * connection must deliver each complete request head within the deadline, counted from when it
 * opened or from when its previous answer ended, or it is closed. Netty's idle timeouts alone never
 * close a client that sends one header byte every few seconds.
 * <p>
 * One periodic sweep per event loop checks the deadlines, so the request path only records which
 * request a connection is on: no timer is set or cancelled per request.
 */
final class ConnectionGuard {

    private static final long MAX_SWEEP_MILLIS = 1000;
    private static final long MIN_SWEEP_MILLIS = 10;

    private final Vertx vertx;
    private final Draining draining;
    private final long headDeadlineNanos;
    private final long sweepMillis;
    private final Handler<HttpServerRequest> requests;
    private final Handler<HttpServerRequest> invalid;
    private final Set<GuardedConnection> open = new HashSet<>();
    private long sweeper = -1;

    ConnectionGuard(
            Vertx vertx,
            Draining draining,
            Duration headDeadline,
            Handler<HttpServerRequest> requests,
            Handler<HttpServerRequest> invalid) {
        this.vertx = vertx;
        this.draining = draining;
        this.headDeadlineNanos = headDeadline.toNanos();
        this.sweepMillis = Math.max(MIN_SWEEP_MILLIS, Math.min(MAX_SWEEP_MILLIS, headDeadline.toMillis() / 5));
        this.requests = requests;
        this.invalid = invalid;
    }

    /** Starts the sweep; on the server's own context, where its connections are handled. */
    void start() {
        sweeper = vertx.setPeriodic(sweepMillis, id -> sweep());
    }

    /** The server's connection handler: called on the server's event loop as each connection opens. */
    void watch(HttpConnection connection) {
        GuardedConnection guarded = new GuardedConnection(connection, System.nanoTime());
        open.add(guarded);
        connection.closeHandler(closed -> open.remove(guarded));
        Http1Connections.handle(
                connection,
                request -> guarded.dispatch(
                        request, InvalidRequests.readable(request) ? requests : invalid, draining.begun()),
                request -> guarded.dispatch(request, invalid, draining.begun()));
    }

    /** Completes once no connection has a request in flight, or after {@code timeout}, whichever comes first. */
    Future<Void> idle(Duration timeout) {
        Promise<Void> idle = Promise.promise();
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitIdle(idle, deadline);
        return idle.future();
    }

    private void awaitIdle(Promise<Void> idle, long deadline) {
        if (open.stream().noneMatch(GuardedConnection::busy) || System.nanoTime() > deadline) {
            idle.complete();
        } else {
            vertx.setTimer(MIN_SWEEP_MILLIS, id -> awaitIdle(idle, deadline));
        }
    }

    void stop() {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        List<GuardedConnection> due = new ArrayList<>();
        for (GuardedConnection connection : open) {
            if (connection.due(now, headDeadlineNanos)) {
                due.add(connection);
            }
        }
        due.forEach(GuardedConnection::close);
    }
}
