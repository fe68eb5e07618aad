package io.clusteragent.bench;

import io.clusteragent.cadvisor.CadvisorCollector;
import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.cadvisor.Rendering;
import io.clusteragent.cadvisor.SyntheticNode;
import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.config.CadvisorSettings;
import io.clusteragent.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prints what {@code /metrics/cadvisor} costs on a synthetic node of 250 containers (125 Burstable pods of two
 * containers and a sandbox, cgroup v2, systemd, containerd, every file a 6.x kernel writes): the CPU time of one
 * reading of the cgroups (read, render, compress), of the render alone, the page's size, and the latency of
 * scrapes through the real HTTP stack, plain and gzip. Targets: a reading under 50 ms of CPU, a scrape p99 under
 * 5 ms on two cores. The files live on the test's temporary directory, not cgroupfs, whose {@code memory.stat}
 * the kernel computes on each read; it measures, it does not judge:
 * {@code mvn -B -q test -Dtest=CadvisorBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CadvisorBenchmark {

    private static final int PODS = 125;
    private static final int CONTAINERS_PER_POD = 2;
    private static final int COLLECTIONS = Integer.getInteger("bench.collections", 200);
    private static final int RENDERS = Integer.getInteger("bench.renders", 500);
    private static final int SCRAPES = Integer.getInteger("bench.scrapes", 2_000);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        SyntheticNode node = SyntheticNode.write(dir, PODS, CONTAINERS_PER_POD);
        CadvisorCollector collector = node.collector(Clock.systemUTC());
        System.out.printf(
                "synthetic node: %d pods, %d containers (and a sandbox per pod), cgroup v2, systemd%n",
                PODS, node.containers());

        double[] collection = cpuMillis(collector::collect, COLLECTIONS / 4, COLLECTIONS);
        Rendering rendering = collector.collect();
        long series = new String(rendering.text(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.startsWith("#"))
                .count();
        System.out.printf(
                "reading (read %d cgroups, render, gzip), CPU: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d readings)%n",
                rendering.cgroups(),
                percentile(collection, 50),
                percentile(collection, 99),
                max(collection),
                COLLECTIONS);
        double[] reads = cpuMillis(SyntheticNode.readAgain(collector), RENDERS / 4, RENDERS);
        System.out.printf(
                "read alone (files and parsing), CPU: p50 %.2f ms, p99 %.2f ms (%d reads)%n",
                percentile(reads, 50), percentile(reads, 99), RENDERS);
        Runnable render = SyntheticNode.renderAgain(collector, System.currentTimeMillis());
        double[] renders = cpuMillis(render, RENDERS / 4, RENDERS);
        System.out.printf(
                "render alone, CPU: p50 %.2f ms, p99 %.2f ms (%d renders)%n",
                percentile(renders, 50), percentile(renders, 99), RENDERS);
        System.out.printf(
                "page: %,d series, %,d bytes plain, %,d bytes gzip (%.1fx smaller)%n",
                series,
                rendering.text().length,
                rendering.gzip().length,
                (double) rendering.text().length / rendering.gzip().length);

        InMemoryClusterState state =
                InMemoryClusterState.of(node.pods().toArray(io.fabric8.kubernetes.api.model.Pod[]::new));
        CadvisorMetrics metrics = CadvisorMetrics.create(
                new CadvisorSettings(Optional.of("node-a"), node.cgroupRoot(), node.procRoot(), Duration.ofSeconds(10)),
                state,
                Clock.systemUTC());
        try (TestServer server = TestServer.start(state, Map.of(), Optional.empty(), metrics)) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://localhost:" + server.port() + "/metrics/cadvisor");
            for (boolean gzip : new boolean[] {false, true}) {
                double[] latency = scrapes(client, uri, gzip);
                System.out.printf(
                        "scrape %-5s (%d sequential, one client): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        gzip ? "gzip" : "plain",
                        SCRAPES,
                        percentile(latency, 50),
                        percentile(latency, 99),
                        max(latency));
            }
            wrkScrapes(uri);
        }
    }

    /**
     * The gzip scrape as Prometheus makes it, from a process of its own: one connection, each request sent once
     * the last is answered, for 10 s. In-JVM, the client's garbage and the agent's share one heap.
     */
    private static void wrkScrapes(URI uri) throws Exception {
        Process wrk = new ProcessBuilder(
                        "wrk", "-t1", "-c1", "-d10s", "--latency", "-H", "Accept-Encoding: gzip", uri.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(wrk.getInputStream().readAllBytes());
        if (!wrk.waitFor(60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        System.out.printf(
                "scrape gzip  (wrk, its own process, one connection, 10 s): p50 %.2f ms, p99 %.2f ms%n",
                new WrkOutput(output).p50Millis(), new WrkOutput(output).p99Millis());
    }

    private static double[] scrapes(HttpClient client, URI uri, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpRequest built = request.build();
        for (int i = 0; i < SCRAPES / 4; i++) {
            client.send(built, HttpResponse.BodyHandlers.ofByteArray());
        }
        double[] millis = new double[SCRAPES];
        for (int i = 0; i < SCRAPES; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new AssertionError("scrape answered " + response.statusCode());
            }
        }
        return millis;
    }

    private static double[] cpuMillis(Runnable work, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            work.run();
            millis[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        return millis;
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
