package io.clusteragent.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.clusteragent.api.ApiVerticle;
import io.clusteragent.api.ResponseCache;
import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints throughput, latency percentiles and heap for the heaviest routes on a 10,000-pod cluster,
 * next to the floor of the machine: a bare Vert.x server answering a constant body of the same size.
 * It measures, it does not judge: run it with {@code mvn -B -q test -Dtest=ApiBenchmark}.
 *
 * <p>The load comes from {@code wrk} in its own process, so the agent is not measured through a load
 * generator sharing its JVM. Each route is driven two ways with 50 connections: flat out (each
 * connection sends its next request as soon as it has an answer, so latency is mostly queueing behind
 * the other 49) and paced (each connection asks every 10 ms, as 50 polling clients would). The access
 * log is written as in production, JSON to a file, and the analysis clock moves with the wall clock,
 * so kept answers are recomputed every second as in a live cluster.
 */
class ApiBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final int CONNECTIONS = 50;
    private static final int PACE_MILLIS = 10;
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 8);
    private static final int MEASURED_SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private record Load(String name, int paceMillis) {}

    private static final List<Load> LOADS =
            List.of(new Load("flat out", 0), new Load("every " + PACE_MILLIS + " ms", PACE_MILLIS));

    @Test
    void measure() throws Exception {
        requireWrk();
        SyntheticCluster synthetic = new SyntheticCluster(NOW);
        long startLoad = System.nanoTime();
        List<HasMetadata> objects = synthetic.generate(500, 10_000, 1_000, 50_000);
        InMemoryClusterState state = InMemoryClusterState.of(objects, NOW);
        long loadMillis = (System.nanoTime() - startLoad) / 1_000_000;
        objects = null;
        System.gc();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        Path accessLog = logAccessAsInProduction();

        System.out.printf(
                "%nSynthetic cluster: 500 nodes, 10,000 pods (1,000 in %s), 50,000 events; built and indexed in %d ms; heap after load %d MiB%n",
                SyntheticCluster.BIG_NAMESPACE, loadMillis, heapMb);
        System.out.printf(
                "wrk, %d connections, %d s per row after %d s of warm-up, %d cores shared by the agent and wrk; access log in %s%n",
                CONNECTIONS, MEASURED_SECONDS, WARMUP_SECONDS, CORES, accessLog);
        String pods = "/api/v1/pods/" + SyntheticCluster.BIG_NAMESPACE + "/";
        Map<String, List<String>> routes = new LinkedHashMap<>();
        routes.put(
                "GET /namespace/{1,000-pod ns}/error",
                List.of("/api/v1/namespace/" + SyntheticCluster.BIG_NAMESPACE + "/error"));
        routes.put(
                "GET /pods/{ns}/{pending pod}/scheduling",
                synthetic.pendingPods().stream()
                        .map(p -> pods + p + "/scheduling")
                        .toList());
        routes.put(
                "GET /pods/{ns}/{crashing pod}/failure-events",
                synthetic.crashingPods().stream()
                        .map(p -> pods + p + "/failure-events")
                        .toList());

        Map<String, Integer> answerBytes =
                measure(state, routes, "every request analyzed (RESPONSE_CACHE_SIZE=0)", "0", List.of(LOADS.get(0)));
        measure(state, routes, "answers kept until the cluster changes (default)", "64", LOADS);
        measureFloor(answerBytes);
    }

    /** Returns the size of each route's first answer. */
    private static Map<String, Integer> measure(
            InMemoryClusterState state,
            Map<String, List<String>> routes,
            String mode,
            String cacheSize,
            List<Load> loads)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        AgentConfig config = AgentConfig.fromMap(Map.of("RESPONSE_CACHE_SIZE", cacheSize), List.of("--port", "0"));
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
        // As the agent deploys it: one HTTP verticle per event loop on one port, one shared answer cache.
        ResponseCache cache = new ResponseCache(config.responseCacheBytes());
        List<ApiVerticle> instances = new CopyOnWriteArrayList<>();
        await(vertx.deployVerticle(
                () -> {
                    ApiVerticle instance = new ApiVerticle(config, state, clock, cache);
                    instances.add(instance);
                    return instance;
                },
                new DeploymentOptions().setInstances(CORES)));
        int port = instances.get(0).port();
        Map<String, Integer> answerBytes = new LinkedHashMap<>();
        System.out.printf("%n%s%n", mode);
        printHeader();
        for (Map.Entry<String, List<String>> route : routes.entrySet()) {
            answerBytes.put(route.getKey(), bodyLength(port, route.getValue().get(0)));
            String label = route.getKey();
            for (Load load : loads) {
                print(label, load, wrk(port, route.getValue(), load));
                label = "";
            }
        }
        await(vertx.close());
        return answerBytes;
    }

    /** What this machine gives at all: a Vert.x server with no routing, no analysis and no log, answering a constant body. */
    private static void measureFloor(Map<String, Integer> answerBytes) throws Exception {
        System.out.printf("%nfloor of this machine: a bare Vert.x server answering a constant body of the same size%n");
        printHeader();
        for (Map.Entry<String, Integer> route : answerBytes.entrySet()) {
            Vertx vertx = Vertx.vertx();
            Buffer body = Buffer.buffer(new byte[route.getValue()]);
            List<HttpServer> servers = new CopyOnWriteArrayList<>();
            await(vertx.deployVerticle(
                    () -> new AbstractVerticle() {
                        @Override
                        public void start(Promise<Void> started) {
                            vertx.createHttpServer()
                                    .requestHandler(request -> request.response()
                                            .putHeader("content-type", "application/json")
                                            .end(body))
                                    .listen(-1)
                                    .onSuccess(servers::add)
                                    .<Void>mapEmpty()
                                    .onComplete(started);
                        }
                    },
                    new DeploymentOptions().setInstances(CORES)));
            String label = String.format(
                    "%,d bytes (as /%s)",
                    route.getValue(), route.getKey().substring(route.getKey().lastIndexOf('/') + 1));
            for (Load load : LOADS) {
                print(label, load, wrk(servers.get(0).actualPort(), List.of("/"), load));
                label = "";
            }
            await(vertx.close());
        }
    }

    private record Figures(
            double requestsPerSecond, double p50Millis, double p99Millis, double maxMillis, long non200) {}

    private static void printHeader() {
        System.out.printf(
                "%-46s %-12s %9s %9s %9s %9s %8s%n", "route", "load", "req/s", "p50 ms", "p99 ms", "max ms", "non-200");
    }

    private static void print(String label, Load load, Figures figures) {
        System.out.printf(
                "%-46s %-12s %9.0f %9.2f %9.2f %9.2f %8d%n",
                label,
                load.name(),
                figures.requestsPerSecond(),
                figures.p50Millis(),
                figures.p99Millis(),
                figures.maxMillis(),
                figures.non200());
    }

    /** Warms up, then measures one load over {@code paths}, cycled through in order. */
    private static Figures wrk(int port, List<String> paths, Load load) throws Exception {
        Path script = Files.createTempFile("bench", ".lua");
        try {
            Files.writeString(script, luaScript(paths, load.paceMillis()));
            run(port, script, WARMUP_SECONDS);
            return parse(run(port, script, MEASURED_SECONDS));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String luaScript(List<String> paths, int paceMillis) {
        String quoted = paths.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",\n  "));
        return "local paths = {\n  " + quoted + "\n}\n"
                + "local i = 0\n"
                + "request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n"
                + (paceMillis > 0 ? "delay = function() return " + paceMillis + " end\n" : "");
    }

    private static String run(int port, Path script, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(
                        "wrk",
                        "-t" + CORES,
                        "-c" + CONNECTIONS,
                        "-d" + seconds + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        "http://127.0.0.1:" + port)
                .redirectErrorStream(true)
                .start();
        String output = new String(wrk.getInputStream().readAllBytes());
        if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    private static final Pattern LATENCY = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+(\\S+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+(\\S+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+(\\S+)");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+(\\S+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private static Figures parse(String output) {
        Matcher non2xx = NON_2XX.matcher(output);
        return new Figures(
                Double.parseDouble(find(RATE, output)),
                millis(find(P50, output)),
                millis(find(P99, output)),
                millis(find(LATENCY, output)),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        return matcher.group(1);
    }

    /** wrk prints durations as {@code 950.00us}, {@code 2.48ms} or {@code 1.02s}. */
    private static double millis(String duration) {
        double value = Double.parseDouble(duration.replaceAll("[a-z]+$", ""));
        return switch (duration.replaceAll("^[0-9.]+", "")) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> throw new IllegalStateException("unexpected duration from wrk: " + duration);
        };
    }

    private static int bodyLength(int port, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    path + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return response.body().length;
    }

    /** The tests keep the access log quiet; the benchmark pays for it as the agent does: one JSON line per request. */
    private static Path logAccessAsInProduction() throws IOException {
        Path file = Files.createDirectories(Path.of("target")).resolve("bench-access.log");
        Files.deleteIfExists(file);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        Logger access = context.getLogger("access");
        access.setLevel(Level.INFO);
        access.setAdditive(false);
        access.addAppender(appender);
        return file;
    }

    private static void requireWrk() {
        try {
            new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(
                    "the API benchmark drives the agent with wrk: install it first (Debian: apt-get install wrk)", e);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    }
}
