package io.clusteragent.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Prints throughput and latency percentiles of the heaviest routes on a 10,000-pod cluster, each next to
 * nginx serving the identical bytes from a file in the same run: the limit of this machine for the job a
 * kept answer does (bytes in memory, a few headers, a socket). It measures, it does not judge: run it with
 * {@code mvn -B -q test -Dtest=ApiBenchmark} (it needs {@code wrk} and {@code nginx}: Debian's {@code wrk}
 * and {@code nginx-light}).
 *
 * <p>The load comes from {@code wrk} in its own process, 50 connections, each sending its next request as
 * soon as it has an answer, so latency is mostly queueing behind the other 49. The agent runs as it is
 * deployed: HTTP metrics on, the access log written as JSON to a file, one HTTP verticle per event loop,
 * and the analysis clock moving with the wall clock, so kept answers are recomputed every second as in a
 * live cluster. nginx gets each path's own answer, as the agent wrote it for one request, and logs nothing.
 */
class ApiBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final int CONNECTIONS = 50;
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 8);
    private static final int MEASURED_SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Map<String, String> GZIP = Map.of("Accept-Encoding", "gzip");

    /** A route driven over {@code paths} in turn, with {@code headers} on every request. */
    private record Route(String name, List<String> paths, Map<String, String> headers) {}

    @Test
    void measure() throws Exception {
        requireTool("wrk", "wrk");
        String nginx = requireTool(nginxCommand(), "nginx-light");
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
                "wrk, %d connections, %d s per row after %d s of warm-up, %d cores shared by the server and wrk; access log in %s%n",
                CONNECTIONS, MEASURED_SECONDS, WARMUP_SECONDS, CORES, accessLog);
        String pods = "/api/v1/pods/" + SyntheticCluster.BIG_NAMESPACE + "/";
        String namespace = "/api/v1/namespace/" + SyntheticCluster.BIG_NAMESPACE + "/error";
        List<String> pending = synthetic.pendingPods().stream()
                .map(p -> pods + p + "/scheduling")
                .toList();
        List<String> crashing = synthetic.crashingPods().stream()
                .map(p -> pods + p + "/failure-events")
                .toList();
        List<Route> routes = List.of(
                new Route("GET /namespace/{1,000-pod ns}/error", List.of(namespace), Map.of()),
                new Route("  the same, Accept-Encoding: gzip", List.of(namespace), GZIP),
                new Route("GET /pods/{ns}/{crashing pod}/failure-events", crashing, Map.of()));

        System.out.printf("%nevery request analyzed (RESPONSE_CACHE_SIZE=0)%n");
        printHeader();
        try (ServedApi computing = ServedApi.start(cacheOf("0"), state, NOW, Optional.empty())) {
            for (Route route : routes.subList(0, 1)) {
                print(
                        route.name(),
                        "agent",
                        wrk(computing.port(), ProcessHandle.current(), route.paths(), route.headers()),
                        null);
            }
        }
        System.out.printf(
                "%nanswers kept until the cluster changes (default), next to nginx serving each path's identical bytes%n");
        printHeader();
        try (ServedApi keeping = ServedApi.start(cacheOf("64"), state, NOW, Optional.empty());
                Nginx limit = Nginx.serving(nginx, answers(keeping.port(), routes), CORES)) {
            for (Route route : routes) {
                Figures agent = wrk(keeping.port(), ProcessHandle.current(), route.paths(), route.headers());
                List<String> files = route.paths().stream()
                        .map(path -> Nginx.fileOf(path, route.headers()))
                        .toList();
                Figures file = wrk(limit.port(), limit.process(), files, route.headers());
                print(route.name(), "agent", agent, null);
                print("", "nginx", file, agent);
            }
        }
    }

    private static AgentConfig cacheOf(String mebibytes) {
        return AgentConfig.fromMap(Map.of("RESPONSE_CACHE_SIZE", mebibytes), List.of("--port", "0"));
    }

    /**
     * The body the agent answers at each path, with the encoding each route asks for, as nginx will
     * serve it: the file of a gzip route carries the same path under {@code /gzip}, and nginx labels it.
     */
    private static Map<String, byte[]> answers(int port, List<Route> routes) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Route route : routes) {
            for (String path : route.paths()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
                route.headers().forEach(request::header);
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                // The first analyses run before the JIT has compiled them and may exceed the request budget.
                for (int retry = 0; response.statusCode() == 504 && retry < 10; retry++) {
                    response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            path + " answered " + response.statusCode() + ": " + new String(response.body()));
                }
                files.put(Nginx.fileOf(path, route.headers()), response.body());
            }
        }
        return files;
    }

    /** What wrk saw, and the CPU time the server spent per request meanwhile. */
    private record Figures(
            double requestsPerSecond,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            long non200,
            double cpuMicrosPerRequest) {}

    private static void printHeader() {
        System.out.printf(
                "%-46s %-6s %9s %9s %9s %9s %8s %8s   %s%n",
                "route", "server", "req/s", "p50 ms", "p99 ms", "max ms", "non-200", "cpu µs", "agent/nginx");
    }

    /** With {@code agent}, the row is nginx's and ends with the agent's throughput and p99 as multiples of its own. */
    private static void print(String label, String server, Figures figures, Figures agent) {
        String ratios = agent == null
                ? ""
                : String.format(
                        "req/s %.2fx, p99 %.1fx, cpu/req %.1fx",
                        agent.requestsPerSecond() / figures.requestsPerSecond(),
                        agent.p99Millis() / figures.p99Millis(),
                        agent.cpuMicrosPerRequest() / figures.cpuMicrosPerRequest());
        System.out.printf(
                "%-46s %-6s %9.0f %9.2f %9.2f %9.2f %8d %8.1f   %s%n",
                label,
                server,
                figures.requestsPerSecond(),
                figures.p50Millis(),
                figures.p99Millis(),
                figures.maxMillis(),
                figures.non200(),
                figures.cpuMicrosPerRequest(),
                ratios);
    }

    /** Warms up, then measures {@code paths}, cycled through in order, served by {@code server}. */
    private static Figures wrk(int port, ProcessHandle server, List<String> paths, Map<String, String> headers)
            throws Exception {
        Path script = Files.createTempFile("bench", ".lua");
        try {
            Files.writeString(script, luaScript(paths, headers));
            run(port, script, WARMUP_SECONDS);
            long cpuBefore = CpuTime.micros(server);
            String output = run(port, script, MEASURED_SECONDS);
            return parse(output, CpuTime.micros(server) - cpuBefore);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String luaScript(List<String> paths, Map<String, String> headers) {
        String quoted = paths.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",\n  "));
        String table = headers.entrySet().stream()
                .map(h -> "[\"" + h.getKey() + "\"] = \"" + h.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
        return "local paths = {\n  " + quoted + "\n}\n"
                + "local headers = " + table + "\n"
                + "local i = 0\n"
                + "request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i], headers)\nend\n";
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

    private static Figures parse(String text, long cpuMicros) {
        WrkOutput output = new WrkOutput(text);
        return new Figures(
                output.requestsPerSecond(),
                output.p50Millis(),
                output.p99Millis(),
                output.maxMillis(),
                output.non2xx(),
                (double) cpuMicros / Math.max(1, output.requests()));
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

    /** The command, if it runs; otherwise says which Debian package provides it. */
    private static String requireTool(String command, String debianPackage) {
        try {
            new ProcessBuilder(command, "-v").redirectErrorStream(true).start().waitFor();
            return command;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(
                    "the API benchmark needs " + command + ": install it first (Debian: apt-get install "
                            + debianPackage + ")",
                    e);
        }
    }

    /** Debian installs nginx in /usr/sbin, which is not on every user's PATH. */
    private static String nginxCommand() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
    }
}
