package io.clusteragent.bench;

import io.clusteragent.api.ApiVerticle;
import io.clusteragent.api.ResponseCache;
import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.DeploymentOptions;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints throughput, latency percentiles and heap for the heaviest routes on a 10,000-pod cluster.
 * It measures, it does not judge: run it with {@code mvn -B -q test -Dtest=ApiBenchmark}.
 */
class ApiBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final int CONNECTIONS = 50;
    private static final int WARMUP_REQUESTS = Integer.getInteger("bench.warmup", 2_000);
    private static final int MEASURED_REQUESTS = Integer.getInteger("bench.requests", 10_000);

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

        System.out.printf("%nSynthetic cluster: 500 nodes, 10,000 pods (1,000 in %s), 50,000 events; built and indexed in %d ms; heap after load %d MiB%n",
                SyntheticCluster.BIG_NAMESPACE, loadMillis, heapMb);
        System.out.printf("%d connections, %d measured requests per route after %d warm-up requests, %d cores%n", CONNECTIONS,
                MEASURED_REQUESTS, WARMUP_REQUESTS, Runtime.getRuntime().availableProcessors());
        String pods = "/api/v1/pods/" + SyntheticCluster.BIG_NAMESPACE + "/";
        Map<String, List<String>> routes = new LinkedHashMap<>();
        routes.put("GET /namespace/{1,000-pod ns}/error", List.of("/api/v1/namespace/" + SyntheticCluster.BIG_NAMESPACE + "/error"));
        routes.put("GET /pods/{ns}/{pending pod}/scheduling", synthetic.pendingPods().stream().map(p -> pods + p + "/scheduling").toList());
        routes.put("GET /pods/{ns}/{crashing pod}/failure-events",
                synthetic.crashingPods().stream().map(p -> pods + p + "/failure-events").toList());
        measure(state, routes, "every request analyzed (RESPONSE_CACHE_SIZE=0)", "0");
        measure(state, routes, "answers kept until the cluster changes (default)", "64");
    }

    private static void measure(InMemoryClusterState state, Map<String, List<String>> routes, String mode, String cacheSize) throws Exception {
        Vertx vertx = Vertx.vertx();
        AgentConfig config = AgentConfig.fromMap(Map.of("RESPONSE_CACHE_SIZE", cacheSize), List.of("--port", "0"));
        // As the agent deploys it: one HTTP verticle per event loop, one shared answer cache.
        ResponseCache cache = new ResponseCache(config.responseCacheBytes());
        List<ApiVerticle> instances = new java.util.concurrent.CopyOnWriteArrayList<>();
        await(vertx.deployVerticle(() -> {
            ApiVerticle instance = new ApiVerticle(config, state, Clock.fixed(NOW, ZoneOffset.UTC), cache);
            instances.add(instance);
            return instance;
        }, new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())));
        ApiVerticle api = instances.get(0);
        WebClient client = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(CONNECTIONS).setKeepAlive(true));
        System.out.printf("%n%s%n%-46s %10s %9s %9s %9s %8s%n", mode, "route", "req/s", "p50 ms", "p99 ms", "max ms", "non-200");
        for (Map.Entry<String, List<String>> route : routes.entrySet()) {
            // A cold JVM first, gently: the measured run should see compiled code, not the JIT.
            drive(client, api.port(), route.getValue(), new long[WARMUP_REQUESTS / 10], 1);
            drive(client, api.port(), route.getValue(), new long[WARMUP_REQUESTS], CONNECTIONS);
            long[] latencies = new long[MEASURED_REQUESTS];
            long start = System.nanoTime();
            int failed = drive(client, api.port(), route.getValue(), latencies, CONNECTIONS);
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            System.out.printf("%-46s %10.0f %9.2f %9.2f %9.2f %8d%n", route.getKey(), latencies.length / seconds,
                    millis(latencies, 0.50), millis(latencies, 0.99), latencies[latencies.length - 1] / 1e6, failed);
        }
        client.close();
        await(vertx.close());
    }

    /**
     * Keeps {@code connections} requests in flight, cycling through {@code paths}, until every slot of
     * {@code latencies} holds one answered request; returns how many answers were not 200.
     */
    private static int drive(WebClient client, int port, List<String> paths, long[] latencies, int connections) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Promise<Void> finished = Promise.promise();
        for (int c = 0; c < connections; c++) {
            send(new Load(client, port, paths, latencies, next, done, failed, finished));
        }
        await(finished.future());
        return failed.get();
    }

    private record Load(WebClient client, int port, List<String> paths, long[] latencies, AtomicInteger next, AtomicInteger done,
            AtomicInteger failed, Promise<Void> finished) {
    }

    private static void send(Load load) {
        int slot = load.next().getAndIncrement();
        if (slot >= load.latencies().length) {
            return;
        }
        long start = System.nanoTime();
        load.client().get(load.port(), "localhost", load.paths().get(slot % load.paths().size())).send().onComplete(result -> {
            if (result.failed()) {
                load.finished().tryFail(result.cause());
                return;
            }
            if (result.result().statusCode() != 200) {
                load.failed().incrementAndGet();
            }
            load.latencies()[slot] = System.nanoTime() - start;
            if (load.done().incrementAndGet() == load.latencies().length) {
                load.finished().tryComplete();
            } else {
                send(load);
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
