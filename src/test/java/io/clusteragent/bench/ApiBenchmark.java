package io.clusteragent.bench;

import io.clusteragent.api.ApiVerticle;
import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints throughput, latency percentiles and heap for the heaviest routes on a 10,000-pod cluster.
 * It measures, it does not judge: run it with {@code mvn -B -q test -Dtest=ApiBenchmark}.
 */
class ApiBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final int CONNECTIONS = 50;
    private static final int WARMUP_REQUESTS = Integer.getInteger("bench.warmup", 5_000);
    private static final int MEASURED_REQUESTS = Integer.getInteger("bench.requests", 20_000);

    @Test
    void measure() throws Exception {
        SyntheticCluster synthetic = new SyntheticCluster(NOW);
        long startLoad = System.nanoTime();
        List<HasMetadata> objects = synthetic.generate(500, 10_000, 1_000, 50_000);
        InMemoryClusterState state = InMemoryClusterState.of(objects, NOW);
        long loadMillis = (System.nanoTime() - startLoad) / 1_000_000;
        objects = null;
        System.gc();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);

        Vertx vertx = Vertx.vertx();
        ApiVerticle api = new ApiVerticle(AgentConfig.fromMap(java.util.Map.of(), List.of("--port", "0")), state,
                Clock.fixed(NOW, ZoneOffset.UTC));
        await(vertx.deployVerticle(api));
        WebClient client = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(CONNECTIONS).setKeepAlive(true));

        System.out.printf("%nSynthetic cluster: 500 nodes, 10,000 pods (1,000 in %s), 50,000 events; built and indexed in %d ms; heap after load %d MiB%n",
                SyntheticCluster.BIG_NAMESPACE, loadMillis, heapMb);
        System.out.printf("%d connections, %d measured requests per route after %d warm-up requests, %d cores%n%n", CONNECTIONS,
                MEASURED_REQUESTS, WARMUP_REQUESTS, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-58s %10s %9s %9s %9s%n", "route", "req/s", "p50 ms", "p99 ms", "max ms");
        for (String path : List.of(
                "/api/v1/namespace/" + SyntheticCluster.BIG_NAMESPACE + "/error",
                "/api/v1/pods/" + SyntheticCluster.BIG_NAMESPACE + "/" + synthetic.pendingPod() + "/scheduling",
                "/api/v1/pods/" + SyntheticCluster.BIG_NAMESPACE + "/" + synthetic.crashingPod() + "/failure-events")) {
            drive(client, api.port(), path, WARMUP_REQUESTS);
            long[] latencies = new long[MEASURED_REQUESTS];
            long start = System.nanoTime();
            drive(client, api.port(), path, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            System.out.printf("%-58s %10.0f %9.2f %9.2f %9.2f%n", path.length() > 58 ? path.substring(0, 55) + "..." : path,
                    latencies.length / seconds, millis(latencies, 0.50), millis(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        }
        System.out.println();
        client.close();
        await(vertx.close());
    }

    private static void drive(WebClient client, int port, String path, int requests) throws Exception {
        drive(client, port, path, new long[requests]);
    }

    /** Keeps {@link #CONNECTIONS} requests in flight until every slot of {@code latencies} holds one measured request. */
    private static void drive(WebClient client, int port, String path, long[] latencies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Promise<Void> finished = Promise.promise();
        for (int c = 0; c < CONNECTIONS; c++) {
            send(client, port, path, latencies, next, done, finished);
        }
        await(finished.future());
    }

    private static void send(WebClient client, int port, String path, long[] latencies, AtomicInteger next, AtomicInteger done,
            Promise<Void> finished) {
        int slot = next.getAndIncrement();
        if (slot >= latencies.length) {
            return;
        }
        long start = System.nanoTime();
        client.get(port, "localhost", path).send().onComplete(result -> {
            if (result.failed() || result.result().statusCode() != 200) {
                finished.tryFail("request to " + path + " failed: "
                        + (result.failed() ? result.cause() : result.result().statusCode() + " " + result.result().bodyAsString()));
                return;
            }
            latencies[slot] = System.nanoTime() - start;
            if (done.incrementAndGet() == latencies.length) {
                finished.tryComplete();
            } else {
                send(client, port, path, latencies, next, done, finished);
            }
        });
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }
}
