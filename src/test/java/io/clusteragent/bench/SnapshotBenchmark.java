package io.clusteragent.bench;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.KubectlDump;
import io.clusteragent.cluster.SnapshotLoader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how long the agent takes to load a dump of 500 nodes, 10,000 pods, 50,000 events and
 * 9,000 pod metrics, written as {@code kubectl get -o yaml} and {@code -o json} write it, and the
 * heap the loaded state keeps: the first load in a fresh JVM, as at start-up, then warm loads.
 * Run with {@code mvn -B -q test -Dtest=SnapshotBenchmark}.
 */
class SnapshotBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final int WARM_LOADS = Integer.getInteger("bench.loads", 3);

    @Test
    void measure(@TempDir Path dir) throws Exception {
        List<Path> dumps = writeDumps(dir);

        for (Path dump : dumps) {
            for (int load = 0; load <= WARM_LOADS; load++) {
                measureOnce(dump, load == 0 ? "first load" : "warm load " + load);
            }
        }
    }

    /** The generated objects are dropped before any load, so the heap figures count the loaded state alone. */
    private static List<Path> writeDumps(Path dir) throws Exception {
        List<HasMetadata> objects = new SyntheticCluster(NOW).generate(500, 10_000, 1_000, 50_000);
        System.out.printf(
                "Dump of 500 nodes, 10,000 pods, 50,000 events, 9,000 pod metrics (%,d objects)%n", objects.size());
        return List.of(
                KubectlDump.yaml(dir.resolve("dump.yaml"), objects),
                KubectlDump.json(dir.resolve("dump.json"), objects));
    }

    private static void measureOnce(Path dump, String label) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long heapBefore = heapInUse();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        ClusterState state = new SnapshotLoader().load(dump, NOW);
        long wallMs = (System.nanoTime() - wallBefore) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        long heapMiB = (heapInUse() - heapBefore) / 1024 / 1024;

        assertThat(state.pods()).hasSize(10_000);
        assertThat(state.nodes()).hasSize(500);
        System.out.printf(
                "%-10s %-12s %5.1f MiB: %6d ms wall, %6d ms CPU of the loading thread, state keeps %d MiB of heap%n",
                dump.getFileName(), label, Files.size(dump) / 1024.0 / 1024.0, wallMs, cpuMs, heapMiB);
    }

    /** After a full collection, so what is counted is what is still referenced. */
    private static long heapInUse() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
