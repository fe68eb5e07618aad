package io.clusteragent.cadvisor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.clusteragent.cadvisor.CgroupFile.unsigned;

/**
 * cgroup v1, one hierarchy per controller ({@code opencontainers/cgroups} {@code fs/*.go}, mapped by cAdvisor's
 * {@code libcontainer/handler.go} and {@code common/helpers.go}). No PSI on v1: those families are left out.
 */
final class CgroupV1Reader implements CgroupReader {

    /** {@code fs/cpuacct.go}: {@code cpuacct.stat} counts USER_HZ ticks, 100 a second on every Linux runc runs on. */
    private static final long CLOCK_TICKS = 100;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * {@code fs/blkio.go GetStats}: the first group whose first file has entries wins (the CFQ files usually exist
     * but hold only {@code Total 0}, which counts as none): BFQ, CFQ, the recursive throttle files, the throttle
     * files. Each pair is (operations, bytes).
     */
    private static final List<String[]> BLKIO_GROUPS = List.of(
            new String[] {"blkio.bfq.io_serviced_recursive", "blkio.bfq.io_service_bytes_recursive"},
            new String[] {"blkio.io_serviced_recursive", "blkio.io_service_bytes_recursive"},
            new String[] {"blkio.throttle.io_serviced_recursive", "blkio.throttle.io_service_bytes_recursive"},
            new String[] {"blkio.throttle.io_serviced", "blkio.throttle.io_service_bytes"});

    private static final String[] CPU_STAT_KEYS = {"nr_periods", "nr_throttled", "throttled_time"};
    private static final String[] MEMORY_STAT_KEYS = {
        "total_inactive_file", "total_cache", "total_rss", "total_swap", "cache", "rss", "swap"
    };

    private final Path root;
    private final BlockDevices devices;
    private final CgroupFiles files;

    CgroupV1Reader(Path root, BlockDevices devices, CgroupFiles files) {
        this.root = root;
        this.devices = devices;
        this.files = files;
    }

    @Override
    public CgroupFiles files() {
        return files;
    }

    @Override
    public Path hierarchy() {
        return root.resolve("memory");
    }

    @Override
    public List<Reading> read(String id) {
        String relative = id.substring(1);
        OpenFiles.Directory memory = files.directory(hierarchy().resolve(relative));
        if (!memory.exists()) {
            return List.of(); // removed since it was listed: the container has exited
        }
        OpenFiles.Directory cpu = files.directory(root.resolve("cpu").resolve(relative));
        OpenFiles.Directory cpuacct = files.directory(root.resolve("cpuacct").resolve(relative));
        OpenFiles.Directory blkio = files.directory(root.resolve("blkio").resolve(relative));
        List<Reading> out = new ArrayList<>(32);
        long quota = cpuSpec(cpu, out);
        cpu(cpuacct, cpu, quota, out);
        memory(memory, out);
        blkio(blkio, out);
        return memory.vanished() ? List.of() : out; // removed while it was read
    }

    /** {@code getSpecInternal}: {@code cpu.shares}, {@code cpu.cfs_period_us}, {@code cpu.cfs_quota_us} (-1: none). */
    private long cpuSpec(OpenFiles.Directory cpu, List<Reading> out) {
        if (!cpu.exists()) {
            return 0;
        }
        long quota = files.text(cpu, "cpu.cfs_quota_us")
                .map(String::trim)
                .filter(value -> !value.isEmpty() && !value.equals("-1"))
                .map(value -> CgroupFile.parse(cpu.path(), value).orElse(0))
                .orElse(0L);
        out.add(Reading.of(
                ContainerFamily.SPEC_CPU_PERIOD,
                unsigned(files.uint(cpu, "cpu.cfs_period_us").orElse(0))));
        if (quota != 0) {
            out.add(Reading.of(ContainerFamily.SPEC_CPU_QUOTA, unsigned(quota)));
        }
        out.add(Reading.of(
                ContainerFamily.SPEC_CPU_SHARES,
                unsigned(files.uint(cpu, "cpu.shares").orElse(0))));
        return quota;
    }

    /**
     * {@code fs/cpuacct.go}: total nanoseconds in {@code cpuacct.usage}, user and system ticks in
     * {@code cpuacct.stat} ({@code ticks * 1e9 / 100}); {@code fs/cpu.go}: throttling in {@code cpu.stat}
     * ({@code throttled_time} in nanoseconds).
     */
    private void cpu(OpenFiles.Directory cpuacct, OpenFiles.Directory cpu, long quota, List<Reading> out) {
        OptionalLong usage = files.uint(cpuacct, "cpuacct.usage");
        if (usage.isPresent() && usage.getAsLong() != 0) {
            out.add(new Reading(ContainerFamily.CPU_USAGE_SECONDS, "total", Units.nanosToSeconds(usage.getAsLong())));
        }
        files.text(cpuacct, "cpuacct.stat").ifPresent(text -> {
            String[] fields = text.trim().split("\\s+");
            if (fields.length < 4 || !fields[0].equals("user") || !fields[2].equals("system")) {
                return;
            }
            OptionalLong user = CgroupFile.parse(cpuacct.path(), fields[1]);
            OptionalLong system = CgroupFile.parse(cpuacct.path(), fields[3]);
            if (user.isPresent() && system.isPresent()) {
                out.add(Reading.of(
                        ContainerFamily.CPU_USER_SECONDS,
                        Units.nanosToSeconds(user.getAsLong() * NANOS_PER_SECOND / CLOCK_TICKS)));
                out.add(Reading.of(
                        ContainerFamily.CPU_SYSTEM_SECONDS,
                        Units.nanosToSeconds(system.getAsLong() * NANOS_PER_SECOND / CLOCK_TICKS)));
            }
        });
        if (quota == 0) {
            return;
        }
        files.keyValues(cpu, "cpu.stat", CPU_STAT_KEYS).ifPresent(stat -> {
            out.add(Reading.of(ContainerFamily.CPU_CFS_PERIODS, unsigned(stat.getOrDefault("nr_periods", 0L))));
            out.add(Reading.of(
                    ContainerFamily.CPU_CFS_THROTTLED_PERIODS, unsigned(stat.getOrDefault("nr_throttled", 0L))));
            out.add(Reading.of(
                    ContainerFamily.CPU_CFS_THROTTLED_SECONDS,
                    Units.nanosToSeconds(stat.getOrDefault("throttled_time", 0L))));
        });
    }

    /**
     * {@code fs/memory.go} and {@code setMemoryStats}: with {@code memory.use_hierarchy} on, cache, RSS and swap
     * are the {@code total_} keys, else the cgroup's own; the working set subtracts {@code total_inactive_file}
     * either way. OOM kills are the {@code oom_kill} line of {@code memory.oom_control} (kernel 4.13+).
     */
    private void memory(OpenFiles.Directory memory, List<Reading> out) {
        if (!memory.exists()) {
            return;
        }
        out.add(Reading.of(
                ContainerFamily.SPEC_MEMORY_LIMIT,
                Units.specMemory(files.uint(memory, "memory.limit_in_bytes").orElse(0))));
        OptionalLong usage = files.uint(memory, "memory.usage_in_bytes");
        Optional<Map<String, Long>> stat = files.keyValues(memory, "memory.stat", MEMORY_STAT_KEYS);
        if (usage.isPresent() && stat.isPresent()) {
            Map<String, Long> stats = stat.get();
            boolean hierarchy = files.uint(memory, "memory.use_hierarchy").orElse(0) == 1;
            String prefix = hierarchy ? "total_" : "";
            out.add(Reading.of(ContainerFamily.MEMORY_USAGE, unsigned(usage.getAsLong())));
            out.add(Reading.of(
                    ContainerFamily.MEMORY_WORKING_SET,
                    unsigned(Units.workingSet(usage.getAsLong(), stats.get("total_inactive_file")))));
            out.add(Reading.of(ContainerFamily.MEMORY_CACHE, unsigned(stats.getOrDefault(prefix + "cache", 0L))));
            out.add(Reading.of(ContainerFamily.MEMORY_RSS, unsigned(stats.getOrDefault(prefix + "rss", 0L))));
            out.add(Reading.of(ContainerFamily.MEMORY_SWAP, unsigned(stats.getOrDefault(prefix + "swap", 0L))));
            out.add(Reading.of(
                    ContainerFamily.MEMORY_MAX_USAGE,
                    unsigned(files.uint(memory, "memory.max_usage_in_bytes").orElse(0))));
            out.add(Reading.of(
                    ContainerFamily.MEMORY_FAILCNT,
                    unsigned(files.uint(memory, "memory.failcnt").orElse(0))));
        }
        Path oomControl = memory.path().resolve("memory.oom_control");
        files.text(memory, "memory.oom_control")
                .filter(text -> text.contains("oom_kill "))
                .flatMap(text -> Units.valueByKey(oomControl, text, "oom_kill"))
                .ifPresent(kills -> out.add(Reading.of(ContainerFamily.OOM_EVENTS, unsigned(kills))));
    }

    private void blkio(OpenFiles.Directory blkio, List<Reading> out) {
        for (String[] group : BLKIO_GROUPS) {
            Map<String, Map<String, Long>> operations = blkioStat(blkio, group[0]);
            if (operations.isEmpty()) {
                continue;
            }
            Map<String, Map<String, Long>> bytes = blkioStat(blkio, group[1]);
            perDevice(bytes, ContainerFamily.FS_READS_BYTES, ContainerFamily.FS_WRITES_BYTES, out);
            perDevice(operations, ContainerFamily.FS_READS, ContainerFamily.FS_WRITES, out);
            return;
        }
    }

    /** cAdvisor's {@code ioValues}: per device, the {@code Read} and {@code Write} entries (0 when absent). */
    private void perDevice(
            Map<String, Map<String, Long>> stat, ContainerFamily reads, ContainerFamily writes, List<Reading> out) {
        stat.forEach((majorMinor, byOperation) -> devices.name(majorMinor).ifPresent(device -> {
            out.add(new Reading(reads, device, unsigned(byOperation.getOrDefault("Read", 0L))));
            out.add(new Reading(writes, device, unsigned(byOperation.getOrDefault("Write", 0L))));
        }));
    }

    /**
     * {@code getBlkioStat}: lines {@code major:minor Op value}, {@code Total value} skipped; a malformed line
     * leaves the whole file out.
     */
    private Map<String, Map<String, Long>> blkioStat(OpenFiles.Directory blkio, String name) {
        Path file = blkio.path().resolve(name);
        Map<String, Map<String, Long>> byDevice = new LinkedHashMap<>();
        Optional<String> text = files.text(blkio, name);
        if (text.isEmpty()) {
            return byDevice;
        }
        for (String line : text.get().split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 2 && fields[0].equals("Total") || line.isBlank()) {
                continue;
            }
            OptionalLong value = fields.length == 3 ? CgroupFile.parse(file, fields[2]) : OptionalLong.empty();
            if (value.isEmpty() || fields[0].indexOf(':') < 0) {
                return Map.of();
            }
            byDevice.computeIfAbsent(fields[0], device -> new LinkedHashMap<>()).put(fields[1], value.getAsLong());
        }
        return byDevice;
    }
}
