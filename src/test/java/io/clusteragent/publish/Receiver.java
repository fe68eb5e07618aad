package io.clusteragent.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in Agent Service: a real HTTP server on a fixed port (so it can be stopped and started again
 * under the same URL) that records every request and answers as the test tells it.
 */
public final class Receiver {

    static final String DECISION = "{\"message\":\"Event received\",\"decision\":\"require_human_approval\"}";

    public record Request(String idempotencyKey, String contentType, JsonObject body, long receivedAtMillis) {

        String fingerprint() {
            return idempotencyKey.substring(0, idempotencyKey.lastIndexOf(':'));
        }

        int version() {
            return Integer.parseInt(idempotencyKey.substring(idempotencyKey.lastIndexOf(':') + 1));
        }
    }

    public record Reply(int status, String body, Map<String, String> headers) {

        public static Reply ok() {
            return new Reply(200, DECISION, Map.of());
        }
    }

    /** Decides the answer; {@code attempt} counts requests with the same key, from 1. A future that never completes hangs the request. */
    public interface Responder {
        Future<Reply> reply(Request request, int attempt);
    }

    private final Vertx vertx;
    private final int port;
    private volatile Responder responder = (request, attempt) -> Future.succeededFuture(Reply.ok());
    private final List<Request> requests = new ArrayList<>();
    private final List<Request> accepted = new ArrayList<>();
    private final Map<String, Integer> inFlightByFingerprint = new HashMap<>();
    private int inFlight;
    private int maxInFlight;
    private int maxInFlightPerFingerprint;
    private HttpServer server;

    public Receiver(Vertx vertx) {
        this.vertx = vertx;
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    public Receiver answering(Responder responder) {
        this.responder = responder;
        return this;
    }

    public Future<Void> start() {
        return vertx.createHttpServer()
                .requestHandler(this::handle)
                .listen(port)
                .map(listening -> {
                    server = listening;
                    return null;
                });
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests answered with 2xx, in the order they were answered. */
    public synchronized List<Request> accepted() {
        return List.copyOf(accepted);
    }

    public synchronized long count(String idempotencyKey) {
        return requests.stream()
                .filter(r -> r.idempotencyKey().equals(idempotencyKey))
                .count();
    }

    public synchronized long acceptedCount(String idempotencyKey) {
        return accepted.stream()
                .filter(r -> r.idempotencyKey().equals(idempotencyKey))
                .count();
    }

    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    public synchronized int maxInFlightPerFingerprint() {
        return maxInFlightPerFingerprint;
    }

    private void handle(HttpServerRequest http) {
        http.body().onSuccess(body -> {
            Request request = new Request(
                    http.getHeader("Idempotency-Key"),
                    http.getHeader("Content-Type"),
                    body.toJsonObject(),
                    System.currentTimeMillis());
            int attempt = arrived(request);
            responder.reply(request, attempt).onSuccess(reply -> answer(http, request, reply));
        });
    }

    private synchronized int arrived(Request request) {
        requests.add(request);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        int forFingerprint = inFlightByFingerprint.merge(request.fingerprint(), 1, Integer::sum);
        maxInFlightPerFingerprint = Math.max(maxInFlightPerFingerprint, forFingerprint);
        return (int) requests.stream()
                .filter(r -> r.idempotencyKey().equals(request.idempotencyKey()))
                .count();
    }

    private synchronized void answered(Request request, boolean ok) {
        inFlight--;
        inFlightByFingerprint.merge(request.fingerprint(), -1, Integer::sum);
        if (ok) {
            accepted.add(request);
        }
    }

    private void answer(HttpServerRequest http, Request request, Reply reply) {
        if (http.response().closed()) {
            answered(request, false);
            return;
        }
        reply.headers().forEach(http.response()::putHeader);
        boolean ok = reply.status() >= 200 && reply.status() < 300;
        http.response()
                .setStatusCode(reply.status())
                .putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(reply.body()))
                .onComplete(written -> answered(request, ok && written.succeeded()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
