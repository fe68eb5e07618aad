package io.clusteragent.cadvisor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.clusteragent.cadvisor.CgroupFile.unsigned;

/**
 * cgroup v2 ({@code opencontainers/cgroups} {@code fs2/*.go}, mapped to cAdvisor's stats by
 * {@code lib/container/libcontainer/handler.go} and its spec by {@code lib/container/common/helpers.go}).
 */
final class CgroupV2Reader implements CgroupReader {

    private static final String[] CPU_STAT_KEYS = {
        "usage_usec", "user_usec", "system_usec", "nr_periods", "nr_throttled", "throttled_usec"
    };
    private static final String[] MEMORY_STAT_KEYS = {"inactive_file", "file", "anon"};

    private final Path root;
    private final BlockDevices devices;
    private final CgroupFiles files;

    CgroupV2Reader(Path root, BlockDevices devices, CgroupFiles files) {
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
        return root;
    }

    @Override
    public List<Reading> read(String id) {
        OpenFiles.Directory dir = files.directory(root.resolve(id.substring(1)));
        if (!dir.exists()) {
            return List.of(); // removed since it was listed: the container has exited
        }
        List<Reading> out = new ArrayList<>(32);
        long quota = cpuSpec(dir, out);
        cpu(dir, quota, out);
        memory(dir, out);
        io(dir, out);
        pressure(dir, "cpu.pressure", ContainerFamily.PRESSURE_CPU_WAITING, ContainerFamily.PRESSURE_CPU_STALLED, out);
        pressure(
                dir,
                "memory.pressure",
                ContainerFamily.PRESSURE_MEMORY_WAITING,
                ContainerFamily.PRESSURE_MEMORY_STALLED,
                out);
        pressure(dir, "io.pressure", ContainerFamily.PRESSURE_IO_WAITING, ContainerFamily.PRESSURE_IO_STALLED, out);
        return dir.vanished() ? List.of() : out; // removed while it was read
    }

    /**
     * {@code getSpecInternal}: shares from {@code cpu.weight} ({@code convertCPUWeightToCPULimit}), period and
     * quota from {@code cpu.max} ({@code max} is no quota, and quota 0 writes no quota series).
     *
     * @return the quota, 0 when there is none: the CFS families are written only for a quota
     */
    private long cpuSpec(OpenFiles.Directory dir, List<Reading> out) {
        long period = 0;
        long quota = 0;
        Optional<String> max = files.text(dir, "cpu.max").map(String::trim);
        if (max.isPresent()) {
            String[] parts = max.get().split(" ", 2);
            if (parts.length == 2) {
                quota = parts[0].equals("max") ? 0 : uintOrZero(dir, parts[0]);
                period = parts[1].equals("max") ? CgroupFile.MAX : uintOrZero(dir, parts[1]);
            }
        }
        OptionalLong weight = files.uint(dir, "cpu.weight");
        long shares = weight.isPresent() && weight.getAsLong() >= 1 && weight.getAsLong() <= 10_000
                ? 2 + ((weight.getAsLong() - 1) * 262_142) / 9_999
                : 0;
        out.add(Reading.of(ContainerFamily.SPEC_CPU_PERIOD, unsigned(period)));
        if (quota != 0) {
            out.add(Reading.of(ContainerFamily.SPEC_CPU_QUOTA, unsigned(quota)));
        }
        out.add(Reading.of(ContainerFamily.SPEC_CPU_SHARES, shares));
        return quota;
    }

    /** {@code fs2/cpu.go statCpu}: microseconds in {@code cpu.stat}, kept by runc as nanoseconds. */
    private void cpu(OpenFiles.Directory dir, long quota, List<Reading> out) {
        Optional<Map<String, Long>> read = files.keyValues(dir, "cpu.stat", CPU_STAT_KEYS);
        if (read.isEmpty()) {
            return;
        }
        Map<String, Long> stat = read.get();
        long usage = stat.getOrDefault("usage_usec", 0L) * 1000;
        // prometheus.go writes cpu="total" only for a usage above zero (v2 has no per-CPU figures).
        if (usage != 0) {
            out.add(new Reading(ContainerFamily.CPU_USAGE_SECONDS, "total", Units.nanosToSeconds(usage)));
        }
        out.add(Reading.of(
                ContainerFamily.CPU_USER_SECONDS, Units.nanosToSeconds(stat.getOrDefault("user_usec", 0L) * 1000)));
        out.add(Reading.of(
                ContainerFamily.CPU_SYSTEM_SECONDS, Units.nanosToSeconds(stat.getOrDefault("system_usec", 0L) * 1000)));
        if (quota != 0) {
            out.add(Reading.of(ContainerFamily.CPU_CFS_PERIODS, unsigned(stat.getOrDefault("nr_periods", 0L))));
            out.add(Reading.of(
                    ContainerFamily.CPU_CFS_THROTTLED_PERIODS, unsigned(stat.getOrDefault("nr_throttled", 0L))));
            out.add(Reading.of(
                    ContainerFamily.CPU_CFS_THROTTLED_SECONDS,
                    Units.nanosToSeconds(stat.getOrDefault("throttled_usec", 0L) * 1000)));
        }
    }

    /**
     * {@code fs2/memory.go statMemory} and {@code setMemoryStats}: usage {@code memory.current}; cache and RSS
     * {@code file} and {@code anon}; swap {@code memory.swap.current} (cAdvisor subtracts the usage runc added);
     * the working set is the usage less {@code inactive_file}, never below 0; the peak is {@code memory.peak}
     * (kernel 5.19+, else 0); v2 has no fail count (0). The OOM kills are {@code memory.events oom_kill}
     * ({@code fs2.OOMKillCount}).
     */
    private void memory(OpenFiles.Directory dir, List<Reading> out) {
        OptionalLong limit = files.uint(dir, "memory.max");
        if (limit.isPresent()) {
            out.add(Reading.of(ContainerFamily.SPEC_MEMORY_LIMIT, Units.specMemory(limit.getAsLong())));
        }
        OptionalLong usage = files.uint(dir, "memory.current");
        Optional<Map<String, Long>> stat = files.keyValues(dir, "memory.stat", MEMORY_STAT_KEYS);
        if (usage.isPresent() && stat.isPresent()) {
            long current = usage.getAsLong();
            Long inactiveFile = stat.get().get("inactive_file");
            out.add(Reading.of(ContainerFamily.MEMORY_USAGE, unsigned(current)));
            out.add(Reading.of(ContainerFamily.MEMORY_WORKING_SET, unsigned(Units.workingSet(current, inactiveFile))));
            out.add(Reading.of(ContainerFamily.MEMORY_CACHE, unsigned(stat.get().getOrDefault("file", 0L))));
            out.add(Reading.of(ContainerFamily.MEMORY_RSS, unsigned(stat.get().getOrDefault("anon", 0L))));
            out.add(Reading.of(
                    ContainerFamily.MEMORY_SWAP,
                    unsigned(files.uint(dir, "memory.swap.current").orElse(0))));
            out.add(Reading.of(
                    ContainerFamily.MEMORY_MAX_USAGE,
                    unsigned(files.uint(dir, "memory.peak").orElse(0))));
            out.add(Reading.of(ContainerFamily.MEMORY_FAILCNT, 0));
        }
        files.text(dir, "memory.events")
                .flatMap(events -> Units.valueByKey(dir.path().resolve("memory.events"), events, "oom_kill"))
                .ifPresent(kills -> out.add(Reading.of(ContainerFamily.OOM_EVENTS, unsigned(kills))));
    }

    /**
     * {@code fs2/io.go statIo}: per {@code major:minor}, {@code rbytes}/{@code wbytes} become cAdvisor's
     * {@code IoServiceBytes} Read/Write and {@code rios}/{@code wios} its {@code IoServiced} Read/Write.
     */
    private void io(OpenFiles.Directory dir, List<Reading> out) {
        Optional<String> text = files.text(dir, "io.stat");
        if (text.isEmpty()) {
            return;
        }
        for (String line : text.get().split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 2 || fields[0].indexOf(':') < 0) {
                continue;
            }
            Optional<String> device = devices.name(fields[0]);
            if (device.isEmpty()) {
                continue;
            }
            long rbytes = 0;
            long wbytes = 0;
            long rios = 0;
            long wios = 0;
            for (int i = 1; i < fields.length; i++) {
                int equals = fields[i].indexOf('=');
                if (equals < 0) {
                    continue;
                }
                String key = fields[i].substring(0, equals);
                long value = CgroupFile.parse(dir.path(), fields[i].substring(equals + 1))
                        .orElse(0);
                switch (key) {
                    case "rbytes" -> rbytes = value;
                    case "wbytes" -> wbytes = value;
                    case "rios" -> rios = value;
                    case "wios" -> wios = value;
                    default -> {
                        // dbytes, dios and the cost.* keys feed families kubelet users rarely read
                    }
                }
            }
            out.add(new Reading(ContainerFamily.FS_READS_BYTES, device.get(), unsigned(rbytes)));
            out.add(new Reading(ContainerFamily.FS_WRITES_BYTES, device.get(), unsigned(wbytes)));
            out.add(new Reading(ContainerFamily.FS_READS, device.get(), unsigned(rios)));
            out.add(new Reading(ContainerFamily.FS_WRITES, device.get(), unsigned(wios)));
        }
    }

    /**
     * {@code fs2/psi.go statPSI}: the {@code total=} of the {@code some} and {@code full} lines, in microseconds
     * ({@code asMicrosecondsToSeconds}); a line the kernel does not write reads as 0, as in cAdvisor. Without
     * the file (PSI off) the families are left out.
     */
    private void pressure(
            OpenFiles.Directory dir, String name, ContainerFamily waiting, ContainerFamily stalled, List<Reading> out) {
        Optional<String> text = files.text(dir, name);
        if (text.isEmpty()) {
            return;
        }
        long some = 0;
        long full = 0;
        for (String line : text.get().split("\n")) {
            int total = line.indexOf("total=");
            if (total < 0) {
                continue;
            }
            long value = CgroupFile.parse(
                            dir.path(),
                            line.substring(total + "total=".length()).trim())
                    .orElse(0);
            if (line.startsWith("some ")) {
                some = value;
            } else if (line.startsWith("full ")) {
                full = value;
            }
        }
        out.add(Reading.of(waiting, unsigned(some) / 1e6));
        out.add(Reading.of(stalled, unsigned(full) / 1e6));
    }

    private static long uintOrZero(OpenFiles.Directory dir, String value) {
        return CgroupFile.parse(dir.path(), value).orElse(0);
    }
}
