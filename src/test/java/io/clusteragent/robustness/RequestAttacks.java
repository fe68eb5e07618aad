package io.clusteragent.robustness;

import io.clusteragent.testing.RawClient;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Single requests a well-behaved client would never send: each must get an answer in the envelope,
 * with the request id in the header and in the body.
 */
final class RequestAttacks {

    /** Any 4xx or 5xx in the envelope will do. */
    private static final int ANY_ERROR = -1;

    private RequestAttacks() {}

    static List<Attack> all() {
        return List.of(
                enveloped("missing Host", "GET /healthz HTTP/1.1\r\n\r\n", 400),
                enveloped(
                        "malformed Host",
                        RawClient.get("/healthz", "Host: bad host!\r\n").replace("Host: localhost\r\n", ""),
                        400),
                enveloped("bad percent-escape /%", RawClient.get("/%"), 400),
                enveloped("bad percent-escape in a pod name", RawClient.get("/api/v1/pods/shop/%zz/describe"), 400),
                enveloped("10 KB URI", RawClient.get("/" + "a".repeat(10 * 1024)), 414),
                enveloped("20 KB header", RawClient.get("/healthz", "X-Big: " + "a".repeat(20 * 1024) + "\r\n"), 431),
                enveloped("malformed header line", RawClient.get("/healthz", "Not a header\r\n"), 400),
                enveloped("HTTP/1.7", "GET /healthz HTTP/1.7\r\nHost: localhost\r\n\r\n", 505),
                enveloped("made-up method FOO /", "FOO / HTTP/1.1\r\nHost: localhost\r\n\r\n", ANY_ERROR),
                new Attack("made-up methods stay off /metrics", RequestAttacks::madeUpMethodsOnMetrics),
                new Attack("HEAD on a GET route", RequestAttacks::head),
                new Attack(
                        "OPTIONS *",
                        port -> requestId(exchange(port, "OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n"))));
    }

    private static Attack enveloped(String name, String request, int status) {
        return new Attack(name, port -> {
            RawClient.Answer answer = exchange(port, request);
            Outcome envelope = requestId(answer);
            boolean expected = status == ANY_ERROR ? answer.status() >= 400 : answer.status() == status;
            return Outcome.when(
                    expected && envelope.held(),
                    envelope.observed() + " (expected " + (status == ANY_ERROR ? "an error" : status) + ")");
        });
    }

    /** The answer in the envelope, with the same request id in the header and in the body. */
    private static Outcome requestId(RawClient.Answer answer) {
        String summary = answer.status() + " "
                + answer.body().substring(0, Math.min(90, answer.body().length()));
        try {
            JsonObject body = new JsonObject(answer.body());
            String id = body.getJsonObject("metadata").getString("requestId");
            boolean held = id != null
                    && !id.isBlank()
                    && id.equals(answer.header("X-Request-Id"))
                    && (answer.status() < 400 || body.getJsonObject("error").getString("code") != null);
            return Outcome.when(held, summary);
        } catch (RuntimeException notTheEnvelope) {
            return Outcome.failed(summary.isBlank() ? answer.status() + " without a body" : summary);
        }
    }

    /** Each made-up method answered, and none of them becomes a label of its own on /metrics. */
    private static Outcome madeUpMethodsOnMetrics(int port) throws IOException {
        for (int i : IntStream.range(0, 50).toArray()) {
            exchange(port, "MADEUP" + i + " /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n");
        }
        String metrics = exchange(port, RawClient.get("/metrics")).body();
        long series = metrics.lines().filter(line -> line.contains("MADEUP")).count();
        return Outcome.when(series == 0, series + " series on /metrics name one of 50 made-up methods");
    }

    /** 200 with the headers of a GET and no body: the next answer on the connection starts where it should. */
    private static Outcome head(int port) throws IOException {
        try (RawClient client = RawClient.connect(port)) {
            RawClient.Answer head = client.send("HEAD /api/v1/namespace/shop/error HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .readHead();
            RawClient.Answer next = client.send(RawClient.get("/healthz")).read();
            return Outcome.when(
                    head.status() == 200 && next.status() == 200,
                    "HEAD " + head.status() + " (Content-Length " + head.header("Content-Length") + "), then GET "
                            + next.status());
        } catch (IOException | RuntimeException e) {
            return Outcome.failed("HEAD then GET on one connection: " + e.getMessage());
        }
    }

    private static RawClient.Answer exchange(int port, String request) throws IOException {
        try (RawClient client = RawClient.connect(port)) {
            client.timeout(Duration.ofSeconds(5));
            return client.send(request).read();
        }
    }
}
