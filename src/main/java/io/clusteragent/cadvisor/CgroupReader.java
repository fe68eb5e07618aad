package io.clusteragent.cadvisor;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/** Reads one cgroup's values, on cgroup v2 or v1: the same families, from each version's files. */
interface CgroupReader {

    /** The hierarchy the pod and container cgroups are found in (v2: the root; v1: the memory controller's). */
    Path hierarchy();

    /** @param id the cgroup's path below the hierarchy's root, starting with {@code /} (the {@code id} label) */
    List<Reading> read(String id);

    /** The files the readings read, kept open between them. */
    CgroupFiles files();

    /** A process of the cgroup ({@code cgroup.procs}), to find its network namespace; empty when it has none. */
    default OptionalInt anyProcess(String id) {
        return files().text(files().directory(hierarchy().resolve(id.substring(1))), "cgroup.procs")
                .flatMap(procs -> procs.lines().filter(line -> !line.isBlank()).findFirst())
                .flatMap(pid -> {
                    try {
                        return java.util.Optional.of(OptionalInt.of(Integer.parseInt(pid.trim())));
                    } catch (NumberFormatException e) {
                        return java.util.Optional.empty();
                    }
                })
                .orElse(OptionalInt.empty());
    }

    /** cgroup v2 when the root holds {@code cgroup.controllers} (kubelet's and runc's test), v1 otherwise. */
    static CgroupReader of(Path root, BlockDevices devices, CgroupFiles files) {
        return java.nio.file.Files.exists(root.resolve("cgroup.controllers"))
                ? new CgroupV2Reader(root, devices, files)
                : new CgroupV1Reader(root, devices, files);
    }
}
