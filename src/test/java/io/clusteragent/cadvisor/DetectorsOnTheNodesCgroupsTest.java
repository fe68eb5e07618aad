package io.clusteragent.cadvisor;

import io.clusteragent.Agent;
import io.clusteragent.Main;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.publish.ConsoleSink;
import io.clusteragent.testing.Eventually;
import io.clusteragent.testing.LogCapture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent run as a DaemonSet judges the node's pods by its own cgroup readings: on the fixture node, with no
 * metrics.k8s.io figures at all, nginx's working set near its limit is memory_high, and a rise of its OOM kill counter
 * that its status does not show is oom_killed.
 */
class DetectorsOnTheNodesCgroupsTest {

    private static final Path NODE = NodeFixtures.ROOT.resolve("v2-systemd-containerd");
    private static final String NGINX = "sys/fs/cgroup/kubepods.slice/kubepods-burstable.slice/"
            + "kubepods-burstable-pod3f2a1b4c_5d6e_4f70_8a9b_0c1d2e3f4a5b.slice/cri-containerd-" + NodeFixtures.A
            + ".scope/";

    private final Vertx vertx = Vertx.vertx(Main.vertxOptions());
    private Agent agent;

    @TempDir
    Path copy;

    @TempDir
    Path spool;

    @AfterEach
    void close() throws Exception {
        if (agent != null) {
            await(agent.stop());
        }
        await(vertx.close());
    }

    @Test
    void theNodesWorkingSetAndOomCounterRaiseIncidentsWithoutMetricsServer() throws Exception {
        NodeFixtures.copyTree(NODE, copy);
        Path pods = copy.resolve("pods.yaml");
        // nginx's working set in the fixture is 40Mi: 95% of a 42Mi limit.
        Files.writeString(
                pods,
                Files.readString(NodeFixtures.ROOT.resolve("v2-systemd-containerd-pods.yaml"))
                        .replace(
                                "    - name: nginx\n      image: nginx:1.27\n",
                                "    - name: nginx\n      image: nginx:1.27\n"
                                        + "      resources:\n        limits:\n          memory: 42Mi\n"));
        try (LogCapture incidents = LogCapture.of(ConsoleSink.class)) {
            start(pods);

            Eventually.assertWithin(
                    Duration.ofSeconds(30),
                    () -> assertThat(incidents.lines())
                            .anySatisfy(line -> assertThat(line)
                                    .contains("memory_high")
                                    .contains("Container nginx of pod shop/web-0 uses 40Mi of its 42Mi memory limit")));
            assertThat(incidents.lines()).noneSatisfy(line -> assertThat(line).contains("oom_killed"));

            Files.writeString(copy.resolve(NGINX + "memory.events"), "low 0\nhigh 0\nmax 3\noom 2\noom_kill 2\n");

            Eventually.assertWithin(
                    Duration.ofSeconds(30),
                    () -> assertThat(incidents.lines())
                            .anySatisfy(line -> assertThat(line)
                                    .contains("oom_killed")
                                    .contains("Container nginx of pod shop/web-0 had a process OOM-killed")));
        }
    }

    private void start(Path pods) throws Exception {
        AgentConfig config = AgentConfig.fromMap(
                Map.of(
                        "NODE_NAME",
                        "node-a",
                        "CGROUP_ROOT",
                        copy.resolve("sys/fs/cgroup").toString(),
                        "PROC_ROOT",
                        copy.resolve("proc").toString(),
                        "CADVISOR_INTERVAL",
                        "50ms",
                        "POLL_INTERVAL",
                        "200ms",
                        "SPOOL_DIR",
                        spool.toString()),
                List.of("--snapshot", pods.toString(), "--port", "0", "--drain-period", "1ms"));
        agent = await(new Agent(vertx, config).start());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
