package io.clusteragent.cadvisor;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A node written out as files for the benchmark: cgroup v2, systemd driver, containerd, Burstable pods of
 * {@code containersPerPod} containers and a sandbox each, with every file a kernel 6.x writes for the values the
 * families read (a full {@code memory.stat}, {@code io.stat} on two devices, the three pressure files, the
 * sandbox's {@code /proc/<pid>/net/dev}), and the pods the cache would hold for them.
 */
public final class SyntheticNode {

    private static final String MEMORY_STAT = String.join(
                    "\n",
                    "anon 31457280",
                    "file 20971520",
                    "kernel 1048576",
                    "kernel_stack 65536",
                    "pagetables 262144",
                    "sec_pagetables 0",
                    "percpu 1024",
                    "sock 0",
                    "vmalloc 0",
                    "shmem 0",
                    "zswap 0",
                    "zswapped 0",
                    "file_mapped 1048576",
                    "file_dirty 4096",
                    "file_writeback 0",
                    "swapcached 0",
                    "anon_thp 0",
                    "file_thp 0",
                    "shmem_thp 0",
                    "inactive_anon 31457280",
                    "active_anon 4096",
                    "inactive_file 10485760",
                    "active_file 10485760",
                    "unevictable 0",
                    "slab_reclaimable 262144",
                    "slab_unreclaimable 131072",
                    "slab 393216",
                    "workingset_refault_anon 0",
                    "workingset_refault_file 12",
                    "workingset_activate_anon 0",
                    "workingset_activate_file 3",
                    "workingset_restore_anon 0",
                    "workingset_restore_file 0",
                    "workingset_nodereclaim 0",
                    "pgscan 0",
                    "pgsteal 0",
                    "pgscan_kswapd 0",
                    "pgscan_direct 0",
                    "pgsteal_kswapd 0",
                    "pgsteal_direct 0",
                    "pgfault 123456",
                    "pgmajfault 12",
                    "pgrefill 0",
                    "pgactivate 100",
                    "pgdeactivate 0",
                    "pglazyfree 0",
                    "pglazyfreed 0",
                    "thp_fault_alloc 0",
                    "thp_collapse_alloc 0")
            + "\n";
    private static final String CPU_STAT = "usage_usec 123456789\nuser_usec 100000000\nsystem_usec 23456789\n"
            + "core_sched.force_idle_usec 0\nnr_periods 1200\nnr_throttled 12\nthrottled_usec 345678\n"
            + "nr_bursts 0\nburst_usec 0\n";
    private static final String PRESSURE = "some avg10=0.00 avg60=0.00 avg300=0.00 total=1500000\n"
            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=250000\n";
    private static final String NET_DEV =
            "Inter-|   Receive                                                |  Transmit\n"
                    + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
                    + "    lo:   12345      67    0    0    0     0          0         0    12345      67    0    0    0     0       0          0\n"
                    + "  eth0: 9876543   12345    1    2    0     0          0         3  1234567    9876    4    5    0     0       0          0\n";

    private final Path root;
    private final List<Pod> pods;
    private final int containers;

    private SyntheticNode(Path root, List<Pod> pods, int containers) {
        this.root = root;
        this.pods = pods;
        this.containers = containers;
    }

    public static SyntheticNode write(Path root, int podCount, int containersPerPod) {
        try {
            return writeFiles(root, podCount, containersPerPod);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SyntheticNode writeFiles(Path root, int podCount, int containersPerPod) throws IOException {
        Path cgroups = root.resolve("sys/fs/cgroup");
        write(cgroups.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        write(root.resolve("sys/dev/block/8:0/uevent"), "MAJOR=8\nMINOR=0\nDEVNAME=sda\nDEVTYPE=disk\n");
        write(root.resolve("sys/dev/block/259:0/uevent"), "MAJOR=259\nMINOR=0\nDEVNAME=nvme0n1\nDEVTYPE=disk\n");
        List<Pod> pods = new ArrayList<>();
        int pid = 10_000;
        for (int p = 0; p < podCount; p++) {
            String uid = String.format("%08x-0000-4000-8000-%012x", p, p);
            Path pod = cgroups.resolve("kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod"
                    + uid.replace('-', '_') + ".slice");
            cgroup(pod, pid);
            Path sandbox = pod.resolve("cri-containerd-" + id(p, 0xfff) + ".scope");
            cgroup(sandbox, ++pid);
            write(root.resolve("proc/" + pid + "/comm"), "pause\n");
            write(root.resolve("proc/" + pid + "/net/dev"), NET_DEV);
            List<ContainerStatus> statuses = new ArrayList<>();
            for (int c = 0; c < containersPerPod; c++) {
                String id = id(p, c);
                cgroup(pod.resolve("cri-containerd-" + id + ".scope"), ++pid);
                write(root.resolve("proc/" + pid + "/comm"), "app\n");
                statuses.add(NodeFixtures.status("app-" + c, "containerd://" + id, "registry.example/app:" + c, 0));
            }
            pods.add(NodeFixtures.pod(
                    "bench-" + (p % 10), "pod-" + p, uid, false, statuses.toArray(ContainerStatus[]::new)));
        }
        return new SyntheticNode(root, List.copyOf(pods), podCount * containersPerPod);
    }

    private static void cgroup(Path dir, int pid) throws IOException {
        write(dir.resolve("cgroup.procs"), pid + "\n");
        write(dir.resolve("cpu.stat"), CPU_STAT);
        write(dir.resolve("cpu.max"), "50000 100000\n");
        write(dir.resolve("cpu.weight"), "4\n");
        write(dir.resolve("memory.current"), "52428800\n");
        write(dir.resolve("memory.stat"), MEMORY_STAT);
        write(dir.resolve("memory.max"), "268435456\n");
        write(dir.resolve("memory.peak"), "62914560\n");
        write(dir.resolve("memory.swap.current"), "0\n");
        write(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\noom_group_kill 0\n");
        write(
                dir.resolve("io.stat"),
                "8:0 rbytes=1048576 wbytes=2097152 rios=256 wios=512 dbytes=0 dios=0\n"
                        + "259:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n");
        write(dir.resolve("cpu.pressure"), PRESSURE);
        write(dir.resolve("memory.pressure"), PRESSURE);
        write(dir.resolve("io.pressure"), PRESSURE);
    }

    private static String id(int pod, int container) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) (pod >> 8);
        bytes[1] = (byte) pod;
        bytes[2] = (byte) (container >> 8);
        bytes[3] = (byte) container;
        bytes[31] = 1;
        return HexFormat.of().formatHex(bytes);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    public Path cgroupRoot() {
        return root.resolve("sys/fs/cgroup");
    }

    public Path procRoot() {
        return root.resolve("proc");
    }

    public List<Pod> pods() {
        return pods;
    }

    public int containers() {
        return containers;
    }

    public CadvisorCollector collector(Clock clock) {
        return CadvisorCollector.of(cgroupRoot(), procRoot(), () -> pods, clock);
    }

    /** Reads the cgroups without rendering: the cost of reading alone. */
    public static Runnable readAgain(CadvisorCollector collector) {
        return collector::read;
    }

    /** Renders a reading made once, again: the cost of rendering alone. */
    public static Runnable renderAgain(CadvisorCollector collector, long timestampMillis) {
        List<CgroupSeries> series = collector.read();
        return () -> collector.render(series, timestampMillis);
    }
}
