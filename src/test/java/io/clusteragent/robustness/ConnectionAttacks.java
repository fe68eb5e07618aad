package io.clusteragent.robustness;

import io.clusteragent.testing.RawClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clients that hold connections rather than send bad requests: each must be closed within the
 * agent's timeouts, and /healthz must answer quickly meanwhile.
 */
final class ConnectionAttacks {

    /** The liveness probe's timeoutSeconds in the manifests: slower, and the kubelet restarts the agent. */
    private static final Duration HEALTHY = Duration.ofSeconds(3);

    private static final Pattern ACTIVE = Pattern.compile("(?m)^vertx_http_server_active_connections ([0-9.]+)$");

    private final Duration readTimeout;
    private final Duration writeTimeout;

    ConnectionAttacks(Duration readTimeout, Duration writeTimeout) {
        this.readTimeout = readTimeout;
        this.writeTimeout = writeTimeout;
    }

    List<Attack> all() {
        return List.of(
                new Attack("slow headers (a byte every 200 ms)", this::slowHeaders),
                new Attack("2,000 silent connections", this::silentConnections),
                new Attack("20 clients pipelining 2,000 requests, never reading", this::pipeliningWithoutReading));
    }

    private Outcome slowHeaders(int port) throws Exception {
        long start = System.nanoTime();
        try (RawClient client = RawClient.connect(port)) {
            client.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
            while (elapsed(start).compareTo(readTimeout.multipliedBy(3)) < 0) {
                client.send("X");
                Thread.sleep(200);
            }
            return Outcome.failed("still open after " + seconds(elapsed(start)));
        } catch (IOException closed) {
            Duration after = elapsed(start);
            return Outcome.when(after.compareTo(readTimeout.multipliedBy(2)) < 0, "closed after " + seconds(after));
        }
    }

    private Outcome silentConnections(int port) throws Exception {
        List<RawClient> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 2000; i++) {
                silent.add(RawClient.connect(port));
            }
            Duration healthz = healthz(port);
            long start = System.nanoTime();
            int closed = 0;
            for (RawClient client : silent) {
                Duration left = readTimeout.multipliedBy(3).minus(elapsed(start));
                closed += !left.isNegative() && client.closedWithin(left) ? 1 : 0;
            }
            return Outcome.when(
                    closed == silent.size() && healthz.compareTo(HEALTHY) < 0,
                    closed + " of " + silent.size() + " closed within " + seconds(readTimeout.multipliedBy(3))
                            + "; /healthz meanwhile in " + seconds(healthz));
        } finally {
            for (RawClient client : silent) {
                client.close();
            }
        }
    }

    private Outcome pipeliningWithoutReading(int port) throws Exception {
        byte[] pipeline =
                RawClient.get("/api/v1/namespace/shop/error").repeat(2000).getBytes(StandardCharsets.ISO_8859_1);
        ExecutorService senders = Executors.newFixedThreadPool(20);
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                RawClient client = RawClient.connectReadingLittle(port);
                clients.add(client);
                senders.submit(() -> client.send(pipeline));
            }
            Duration healthz = Duration.ZERO;
            for (int i = 0; i < 3; i++) {
                Thread.sleep(1000);
                Duration once = healthz(port);
                healthz = once.compareTo(healthz) > 0 ? once : healthz;
            }
            long start = System.nanoTime();
            int open = activeConnections(port);
            while (open > 1 && elapsed(start).compareTo(writeTimeout.multipliedBy(4)) < 0) {
                Thread.sleep(200);
                open = activeConnections(port);
            }
            return Outcome.when(
                    open <= 1 && healthz.compareTo(HEALTHY) < 0,
                    "/healthz meanwhile in at most " + seconds(healthz) + "; " + (open - 1)
                            + " of 20 connections still open after "
                            + seconds(elapsed(start).plusSeconds(3)));
        } finally {
            senders.shutdownNow();
            for (RawClient client : clients) {
                client.close();
            }
        }
    }

    private static Duration healthz(int port) throws IOException {
        long start = System.nanoTime();
        try (RawClient client = RawClient.connect(port)) {
            int status = client.timeout(Duration.ofSeconds(10))
                    .send(RawClient.get("/healthz"))
                    .read()
                    .status();
            return status == 200 ? elapsed(start) : Duration.ofDays(1);
        }
    }

    /** The agent's open connections, this one asking included. */
    private static int activeConnections(int port) throws IOException {
        try (RawClient client = RawClient.connect(port)) {
            Matcher gauge =
                    ACTIVE.matcher(client.send(RawClient.get("/metrics")).read().body());
            return gauge.find() ? (int) Double.parseDouble(gauge.group(1)) : Integer.MAX_VALUE;
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
