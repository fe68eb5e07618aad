package io.clusteragent.cadvisor;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * The nodes under {@code src/test/resources/cgroups}: each a cgroup tree ({@code sys/fs/cgroup}), the block
 * devices ({@code sys/dev/block}) and the processes ({@code proc}) of one node, and the pods its cache holds.
 * Read from the source tree, not the class path, so that the files are exactly as committed.
 */
final class NodeFixtures {

    static final Path ROOT = Path.of("src/test/resources/cgroups");
    static final long NOW = 1_764_500_000_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);
    static final String C = "c".repeat(64);
    static final String D = "d".repeat(64);
    static final String E = "e".repeat(64);

    private NodeFixtures() {}

    /** A fixture node copied, for a test that changes its files. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    static CadvisorCollector collector(String node, List<Pod> pods) {
        Path root = ROOT.resolve(node);
        return CadvisorCollector.of(root.resolve("sys/fs/cgroup"), root.resolve("proc"), () -> pods, CLOCK);
    }

    /** v2, systemd driver, containerd: a Burstable web pod and a Guaranteed, host-network database pod. */
    static List<Pod> systemdContainerdPods() {
        return List.of(
                pod(
                        "shop",
                        "web-0",
                        "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b",
                        false,
                        status("nginx", "containerd://" + A, "docker.io/library/nginx:1.27", 0)),
                pod(
                        "shop",
                        "db-0",
                        "9e8d7c6b-a5f4-4e3d-9c2b-1a0f9e8d7c6b",
                        true,
                        status("postgres", "containerd://" + D, "docker.io/library/postgres:17", 3)));
    }

    static Pod pod(String namespace, String name, String uid, boolean hostNetwork, ContainerStatus... statuses) {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .withUid(uid)
                .endMetadata()
                .withNewSpec()
                .withNodeName("node-a")
                .withHostNetwork(hostNetwork)
                .endSpec()
                .withNewStatus()
                .withContainerStatuses(statuses)
                .endStatus()
                .build();
    }

    static ContainerStatus status(String name, String containerId, String image, int restarts) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withContainerID(containerId)
                .withImage(image)
                .withRestartCount(restarts)
                .build();
    }
}
