package io.clusteragent.bench;

import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.cluster.WatchedResource;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.kubestate.ExpositionFormat;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.clusteragent.kubestate.ResourceSelection;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Prints what {@code GET /metrics/kubestate} costs on the 10,000-pod / 500-node synthetic cluster with every
 * default resource enabled: objects and series, scrape bytes, heap per 1,000 pods, the render cost of one pod
 * update, and scrape latency for one scraper and for five at once, plain and gzip, idle and while pods change
 * 50 times a second, with the CPU time each scrape cost; and whether a full GC ran while scraping. It measures, it does not judge: run it with
 * {@code mvn -B -q test -Dtest=KubeStateBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>The agent serves as deployed: one HTTP verticle per event loop on the epoll transport, the families
 * fed object by object through the listener the informers call. The scrapers are {@code java.net.http}
 * clients in the same JVM, each sending its next request when the previous answer has been read in full, so
 * they share the cores with the server, and with five of them the latency includes waiting for the others.
 */
class KubeStateBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final int PODS = 10_000;
    private static final int SCRAPES = Integer.getInteger("bench.scrapes", 200);
    private static final int WARMUP_SCRAPES = Integer.getInteger("bench.warmup", 30);
    private static final int SCRAPERS = 5;
    private static final int UPDATES_PER_SECOND = 50;
    private static final int WRITES = Integer.getInteger("bench.writes", 50);
    private static final int RENDERS = Integer.getInteger("bench.renders", 100_000);
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final Map<String, String> PLAIN = Map.of();
    private static final Map<String, String> GZIP = Map.of("Accept-Encoding", "gzip");

    @Test
    void measure() throws Exception {
        long emptyHeap = heapAfterGc();
        SyntheticCluster synthetic = new SyntheticCluster(NOW);
        List<HasMetadata> objects = synthetic.generate(500, PODS, 1_000, 50_000);
        InMemoryClusterState state = InMemoryClusterState.of(objects, NOW);
        List<Pod> pods = objects.stream()
                .filter(Pod.class::isInstance)
                .map(Pod.class::cast)
                .toList();
        long cacheHeap = heapAfterGc();

        AgentConfig config = AgentConfig.fromMap(Map.of(), List.of("--port", "0"));
        KubeStateMetrics kubeState = KubeStateMetrics.create(config.kubeState(), config.kubeStateResources());
        long feedStart = System.nanoTime();
        for (HasMetadata object : objects) {
            resourceOf(object).ifPresent(resource -> kubeState.upsert(resource, object));
        }
        long feedMillis = (System.nanoTime() - feedStart) / 1_000_000;
        objects = null;
        // As the store stands once scraped: a scrape brings the changes made since the last one in.
        kubeState.write(ResourceSelection.ALL, ExpositionFormat.TEXT, OutputStream.nullOutputStream());
        long storeHeap = heapAfterGc();
        int rendered =
                kubeState.resources().stream().mapToInt(kubeState::objectCount).sum();

        System.out.printf(
                "%nSynthetic cluster: 500 nodes, %,d pods, 50,000 events; KUBE_STATE_RESOURCES default (%d resources); %d cores%n",
                PODS, config.kubeStateResources().size(), CORES);
        System.out.printf("objects rendered: %,d in %,d ms (first renders, JIT cold)%n", rendered, feedMillis);
        System.out.printf(
                "heap after GC per 1,000 pods: %.1f MiB without the kube-state store (the agent's cache of every object,"
                        + " events included), %.1f MiB with it (store alone %.1f MiB)%n",
                mib(cacheHeap - emptyHeap) * 1000 / PODS,
                mib(storeHeap - emptyHeap) * 1000 / PODS,
                mib(storeHeap - cacheHeap) * 1000 / PODS);

        RenderCost cost = renderCost(kubeState, pods);
        System.out.printf(
                "render cost per pod update: %.1f µs wall, %.1f µs CPU (%,d updates after %,d of warm-up)%n",
                cost.wallMicros(), cost.cpuMicros(), RENDERS, RENDERS / 5);

        Latencies inMemory = writeInMemory(kubeState);
        System.out.printf(
                "scrape written into memory, no HTTP (%d writes, one thread): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                WRITES, inMemory.percentile(50), inMemory.percentile(99), inMemory.percentile(100));

        try (ServedApi agent = ServedApi.start(config, state, NOW, Optional.of(kubeState))) {
            Scraper scraper = new Scraper(agent.port());
            byte[] plain = scraper.body(PLAIN);
            long beforeGzip = heapAfterGc();
            byte[] gzip = scraper.body(GZIP);
            long keptGzip = heapAfterGc() - gzip.length - beforeGzip;
            System.out.printf(
                    "scrape: %,d series, %,d families, %,d bytes plain, %,d bytes gzip (%.1fx smaller);"
                            + " store %.1fx the plain text%n",
                    count(plain, false),
                    count(plain, true),
                    plain.length,
                    gzip.length,
                    (double) plain.length / gzip.length,
                    (storeHeap - cacheHeap) / (double) plain.length);
            System.out.printf("heap kept after a gzip scrape: %.1f MiB%n", mib(keptGzip));
            for (int i = 0; i < WARMUP_SCRAPES; i++) {
                scraper.body(i % 2 == 0 ? PLAIN : GZIP);
            }

            System.out.printf(
                    "%nGET /metrics/kubestate, %d requests per row after %d of warm-up, each scraper sending its next request"
                            + " when it has read the last answer%n",
                    SCRAPES, WARMUP_SCRAPES);
            System.out.printf(
                    "%-48s %9s %9s %9s %9s %8s %10s %12s %11s %11s%n",
                    "row",
                    "p50 ms",
                    "p99 ms",
                    "max ms",
                    "scrape/s",
                    "non-200",
                    "full GCs",
                    "pod updates",
                    "server cpu",
                    "jvm cpu");
            OldGenerationGc gc = new OldGenerationGc();
            long fullGcsBefore = gc.count();
            for (boolean updating : new boolean[] {false, true}) {
                for (int scrapers : new int[] {1, SCRAPERS}) {
                    for (Map<String, String> headers : List.of(PLAIN, GZIP)) {
                        String row = (scrapers == 1 ? "1 scraper" : scrapers + " concurrent scrapers")
                                + (headers.isEmpty() ? ", plain" : ", gzip")
                                + (updating ? ", 50 pod updates/s" : "");
                        long gcBefore = gc.count();
                        CpuTime cpu = CpuTime.start();
                        try (PodUpdates updates = updating ? PodUpdates.start(kubeState, pods) : null) {
                            Latencies latencies = scraper.run(scrapers, headers);
                            double scrapes = latencies.millis().length;
                            System.out.printf(
                                    "%-48s %9.1f %9.1f %9.1f %9.1f %8d %10d %12s %11.1f %11.1f%n",
                                    row,
                                    latencies.percentile(50),
                                    latencies.percentile(99),
                                    latencies.percentile(100),
                                    latencies.perSecond(),
                                    latencies.non200(),
                                    gc.count() - gcBefore,
                                    updates == null ? "-" : updates.applied() + " applied",
                                    cpu.serverMillis() / scrapes,
                                    cpu.processMillis() / scrapes);
                        }
                    }
                }
            }
            System.out.printf("full GCs (%s) during the steady scraping: %d%n", gc.names(), gc.count() - fullGcsBefore);
        }
    }

    /** The resource whose informer delivers such an object, if kube-state-metrics reports on it. */
    private static Optional<WatchedResource> resourceOf(HasMetadata object) {
        return Stream.of(WatchedResource.values())
                .filter(WatchedResource::kubeState)
                .filter(resource -> resource.type().isInstance(object))
                .findFirst();
    }

    private record RenderCost(double wallMicros, double cpuMicros) {}

    /**
     * The store alone writing a whole plain scrape into a buffer kept between writes: what a scrape costs before
     * the route copies, compresses and sends it.
     */
    private static Latencies writeInMemory(KubeStateMetrics kubeState) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 25);
        for (int i = 0; i < WRITES / 2; i++) {
            buffer.reset();
            kubeState.write(ResourceSelection.ALL, ExpositionFormat.TEXT, buffer);
        }
        double[] millis = new double[WRITES];
        long start = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            buffer.reset();
            long begun = System.nanoTime();
            kubeState.write(ResourceSelection.ALL, ExpositionFormat.TEXT, buffer);
            millis[i] = (System.nanoTime() - begun) / 1e6;
        }
        return new Latencies(millis, (System.nanoTime() - start) / 1e9, 0);
    }

    /** Upserts of changed pods, alternating each pod between its current state and a changed one. */
    private static RenderCost renderCost(KubeStateMetrics kubeState, List<Pod> pods) {
        List<Pod> changed = pods.stream().map(pod -> changed(pod, 1)).toList();
        upsertEach(kubeState, pods, changed, RENDERS / 5);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        upsertEach(kubeState, pods, changed, RENDERS);
        double wallMicros = (System.nanoTime() - wall) / 1000.0 / RENDERS;
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / RENDERS;
        upsertEach(kubeState, pods, pods, pods.size());
        return new RenderCost(wallMicros, cpuMicros);
    }

    private static void upsertEach(KubeStateMetrics kubeState, List<Pod> even, List<Pod> odd, int count) {
        for (int i = 0; i < count; i++) {
            int pod = i % even.size();
            kubeState.upsert(WatchedResource.PODS, (i / even.size()) % 2 == 0 ? odd.get(pod) : even.get(pod));
        }
    }

    /** The pod as the kubelet reports it {@code generation} updates later: restarted once more, started anew. */
    private static Pod changed(Pod pod, int generation) {
        return new PodBuilder(pod)
                .editMetadata()
                .withResourceVersion(Integer.toString(generation))
                .endMetadata()
                .editStatus()
                .withStartTime(NOW.plusSeconds(generation).toString())
                .withContainerStatuses(pod.getStatus().getContainerStatuses().stream()
                        .map(status -> new ContainerStatusBuilder(status)
                                .withRestartCount(status.getRestartCount() + generation)
                                .build())
                        .toList())
                .endStatus()
                .build();
    }

    /** A thread changing one pod after the other at {@link #UPDATES_PER_SECOND}, as an informer delivers them. */
    private record PodUpdates(ScheduledExecutorService thread, AtomicInteger count) implements AutoCloseable {

        static PodUpdates start(KubeStateMetrics kubeState, List<Pod> pods) {
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger count = new AtomicInteger();
            thread.scheduleAtFixedRate(
                    () -> {
                        int n = count.getAndIncrement();
                        kubeState.upsert(WatchedResource.PODS, changed(pods.get(n % pods.size()), 2 + n / pods.size()));
                    },
                    0,
                    1_000_000 / UPDATES_PER_SECOND,
                    TimeUnit.MICROSECONDS);
            return new PodUpdates(thread, count);
        }

        int applied() {
            return count.get();
        }

        @Override
        public void close() throws InterruptedException {
            thread.shutdownNow();
            thread.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Scrape latencies of one row, in milliseconds. */
    private record Latencies(double[] millis, double seconds, long non200) {

        double percentile(int percent) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }

        double perSecond() {
            return millis.length / seconds;
        }
    }

    /** Clients of {@code /metrics/kubestate}, each reading every answer in full before asking again. */
    private record Scraper(HttpClient client, URI uri) {

        Scraper(int port) {
            this(
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                    URI.create("http://127.0.0.1:" + port + "/metrics/kubestate"));
        }

        byte[] body(Map<String, String> headers) throws Exception {
            HttpResponse<byte[]> response = client.send(request(headers), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "/metrics/kubestate answered " + response.statusCode() + ": " + new String(response.body()));
            }
            return response.body();
        }

        /** {@link #SCRAPES} requests, shared out among {@code scrapers} sending concurrently. */
        Latencies run(int scrapers, Map<String, String> headers) throws Exception {
            HttpRequest request = request(headers);
            double[] millis = new double[SCRAPES - SCRAPES % scrapers];
            AtomicInteger non200 = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(scrapers);
            long start = System.nanoTime();
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int s = 0; s < scrapers; s++) {
                    int first = s * (millis.length / scrapers);
                    done.add(threads.submit(() -> {
                        for (int i = first; i < first + millis.length / scrapers; i++) {
                            long sent = System.nanoTime();
                            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            millis[i] = (System.nanoTime() - sent) / 1e6;
                            if (response.statusCode() != 200) {
                                non200.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> scraper : done) {
                    scraper.get(10, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
            }
            return new Latencies(millis, (System.nanoTime() - start) / 1e9, non200.get());
        }

        private HttpRequest request(Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
            headers.forEach(request::header);
            return request.build();
        }
    }

    /**
     * CPU time spent since the start: by the server's threads (event loops and the worker pool that assembles
     * scrapes), and by the whole JVM (the scrapers, the pod updates, the JIT and the garbage collector too).
     * Unlike latency it does not grow when other processes share the cores.
     */
    private record CpuTime(long server, long process) {

        static CpuTime start() {
            return new CpuTime(serverNanos(), processNanos());
        }

        double serverMillis() {
            return (serverNanos() - server) / 1e6;
        }

        double processMillis() {
            return (processNanos() - process) / 1e6;
        }

        private static long serverNanos() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long nanos = 0;
            for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null
                        && (thread.getThreadName().startsWith("vert.x-eventloop")
                                || thread.getThreadName().startsWith("analysis-pool"))) {
                    nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
                }
            }
            return nanos;
        }

        private static long processNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    /** The collections of the old generation: with G1 or the parallel collector, full GCs only. */
    private static final class OldGenerationGc {

        private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc.getName().contains("Old")
                        || gc.getName().contains("MarkSweep")
                        || gc.getName().contains("Major"))
                .toList();

        long count() {
            return collectors.stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                    .sum();
        }

        String names() {
            return String.join(
                    ", ",
                    collectors.stream().map(GarbageCollectorMXBean::getName).toList());
        }
    }

    /** Series (sample lines) or families (TYPE lines) of a plain scrape. */
    private static long count(byte[] plain, boolean families) {
        return new String(plain)
                .lines()
                .filter(line -> families ? line.startsWith("# TYPE ") : !line.isEmpty() && line.charAt(0) != '#')
                .count();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
