package io.clusteragent.cadvisor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.clusteragent.cadvisor.NodeFixtures.A;
import static io.clusteragent.cadvisor.NodeFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cgroup files stay open from one reading to the next and are read again at offset 0: what a reading shows
 * is still what the files say now, a container that exits leaves no series and no open file behind, and a node
 * with more files than may be kept open reads the same page.
 */
class KeptCgroupFilesTest {

    private static final String WEB = "sys/fs/cgroup/kubepods.slice/kubepods-burstable.slice/"
            + "kubepods-burstable-pod3f2a1b4c_5d6e_4f70_8a9b_0c1d2e3f4a5b.slice";
    private static final String NGINX_USAGE = "container_memory_usage_bytes{container=\"nginx\"";

    @TempDir
    Path node;

    @Test
    void aValueChangedBetweenReadingsIsReadThroughTheKeptFile() throws Exception {
        NodeFixtures.copyTree(NodeFixtures.ROOT.resolve("v2-systemd-containerd"), node);
        CadvisorCollector collector = collector();
        Path usage = node.resolve(WEB + "/cri-containerd-" + A + ".scope/memory.current");
        assertThat(line(collector.collect(), NGINX_USAGE)).contains(" 5.24288e+07 ");
        List<String> open = openFilesUnder(usage.getParent());

        Files.writeString(usage, "7\n"); // shorter than before: nothing of the old value may be left over

        assertThat(line(collector.collect(), NGINX_USAGE)).contains(" 7 ");
        assertThat(openFilesUnder(usage.getParent()))
                .as("the same files, kept open, not opened again")
                .isEqualTo(open)
                .contains(usage.toRealPath().toString());
    }

    @Test
    void aContainerThatExitsLeavesNoSeriesAndNoOpenFile() throws Exception {
        NodeFixtures.copyTree(NodeFixtures.ROOT.resolve("v2-systemd-containerd"), node);
        CadvisorCollector collector = collector();
        Path nginx = node.resolve(WEB + "/cri-containerd-" + A + ".scope");
        assertThat(text(collector.collect())).contains("container=\"nginx\"");
        assertThat(openFilesUnder(nginx)).isNotEmpty();

        deleteTree(nginx);
        Rendering after = collector.collect();

        assertThat(text(after)).doesNotContain("container=\"nginx\"").contains("pod=\"web-0\"");
        assertThat(openFilesUnder(nginx)).isEmpty();
    }

    @Test
    void aNodeWithMoreFilesThanMayBeKeptOpenReadsTheSamePage() throws Exception {
        Path fixture = NodeFixtures.ROOT.resolve("v2-systemd-containerd");
        OpenFiles files = new OpenFiles(3);
        CgroupFiles cgroupFiles = new CgroupFiles(files);
        Path cgroups = fixture.resolve("sys/fs/cgroup");
        CadvisorCollector collector = new CadvisorCollector(
                CgroupReader.of(cgroups, BlockDevices.beside(cgroups), cgroupFiles),
                new NetworkDevices(fixture.resolve("proc"), cgroupFiles),
                NodeFixtures::systemdContainerdPods,
                CLOCK);

        collector.collect();
        Rendering second = collector.collect();

        assertThat(text(second)).isEqualTo(Files.readString(NodeFixtures.ROOT.resolve("v2-systemd-containerd.prom")));
        assertThat(files.open()).isEqualTo(3);
    }

    /** The kernel makes a cgroup file afresh on a read at offset 0: a kept descriptor sees the CPU time grow. */
    @Test
    void thisMachinesCgroupFileKeptOpenReadsFreshValues() {
        Optional<Path> usage = Stream.of(
                        Path.of("/sys/fs/cgroup/cpuacct/cpuacct.usage"), Path.of("/sys/fs/cgroup/cpu.stat"))
                .filter(Files::isReadable)
                .findFirst();
        Assumptions.assumeTrue(usage.isPresent(), "no cgroup CPU accounting here");
        try (OpenFiles files = new OpenFiles(10)) {
            OpenFiles.Directory dir = files.directory(usage.get().getParent());
            String name = usage.get().getFileName().toString();
            long first = cpuNanos(dir, files, name);
            long later = first;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (later == first && System.nanoTime() < deadline) {
                burn();
                later = cpuNanos(dir, files, name);
            }

            assertThat(later).isGreaterThan(first);
            assertThat(files.open()).isEqualTo(1);
        }
    }

    private CadvisorCollector collector() {
        return CadvisorCollector.of(
                node.resolve("sys/fs/cgroup"), node.resolve("proc"), NodeFixtures::systemdContainerdPods, CLOCK);
    }

    private static long cpuNanos(OpenFiles.Directory dir, OpenFiles files, String name) {
        int length = dir.read(name);
        assertThat(length).isPositive();
        String text = new String(files.bytes(), 0, length, StandardCharsets.US_ASCII).trim();
        // cpuacct.usage is one number of nanoseconds; cpu.stat starts "usage_usec <n>"
        return text.startsWith("usage_usec ")
                ? Long.parseLong(text.substring("usage_usec ".length(), text.indexOf('\n'))) * 1000
                : Long.parseLong(text);
    }

    private static void burn() {
        long deadline = System.nanoTime() + 20_000_000L;
        double sink = 0;
        while (System.nanoTime() < deadline) {
            sink += Math.sqrt(sink + 1);
        }
        assertThat(sink).isPositive();
    }

    /** The files this process holds open below {@code dir}, as {@code lsof} lists them. */
    private static List<String> openFilesUnder(Path dir) throws IOException {
        String prefix = dir.toAbsolutePath().toString();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.flatMap(fd -> {
                        try {
                            return Stream.of(Files.readSymbolicLink(fd).toString());
                        } catch (IOException e) {
                            return Stream.empty(); // closed while listed
                        }
                    })
                    .filter(target -> target.startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static String line(Rendering rendering, String prefix) {
        return text(rendering)
                .lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElse("");
    }

    private static String text(Rendering rendering) {
        return new String(rendering.text(), StandardCharsets.UTF_8);
    }
}
