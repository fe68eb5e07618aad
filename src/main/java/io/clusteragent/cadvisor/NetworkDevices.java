package io.clusteragent.cadvisor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import static io.clusteragent.cadvisor.CgroupFile.unsigned;

/**
 * A network namespace's interface counters from {@code /proc/<pid>/net/dev}, as cAdvisor's
 * {@code scanInterfaceStats} reads them ({@code libcontainer/handler.go}): two header lines, then per interface
 * 16 numbers of which receive bytes, packets, errors, drops (1-4) and transmit bytes, packets, errors, drops
 * (9-12). Interfaces whose name starts {@code lo}, {@code veth}, {@code docker} or {@code nerdctl} are skipped;
 * a line that is not 17 fields makes cAdvisor distrust, and skip, the whole file.
 */
final class NetworkDevices {

    private static final List<String> IGNORED_PREFIXES = List.of("lo", "veth", "docker", "nerdctl");
    private static final ContainerFamily[] FAMILIES = {
        ContainerFamily.NETWORK_RECEIVE_BYTES,
        ContainerFamily.NETWORK_RECEIVE_PACKETS,
        ContainerFamily.NETWORK_RECEIVE_ERRORS,
        ContainerFamily.NETWORK_RECEIVE_PACKETS_DROPPED,
        ContainerFamily.NETWORK_TRANSMIT_BYTES,
        ContainerFamily.NETWORK_TRANSMIT_PACKETS,
        ContainerFamily.NETWORK_TRANSMIT_ERRORS,
        ContainerFamily.NETWORK_TRANSMIT_PACKETS_DROPPED,
    };
    private static final int[] COLUMNS = {1, 2, 3, 4, 9, 10, 11, 12};

    private final Path procRoot;
    private final CgroupFiles files;

    NetworkDevices(Path procRoot, CgroupFiles files) {
        this.procRoot = procRoot;
        this.files = files;
    }

    List<Reading> read(int pid) {
        OpenFiles.Directory net =
                files.directory(procRoot.resolve(Integer.toString(pid)).resolve("net"));
        Path file = net.path().resolve("dev");
        Optional<String> text = files.text(net, "dev");
        if (text.isEmpty()) {
            return List.of();
        }
        String[] lines = text.get().split("\n");
        List<Reading> out = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            String[] fields = lines[i].replace(":", "").trim().split("\\s+");
            if (fields.length != 17) {
                return List.of();
            }
            String name = fields[0];
            if (ignored(name)) {
                continue;
            }
            for (int c = 0; c < COLUMNS.length; c++) {
                OptionalLong value = CgroupFile.parse(file, fields[COLUMNS[c]]);
                if (value.isEmpty()) {
                    return List.of();
                }
                out.add(new Reading(FAMILIES[c], name, unsigned(value.getAsLong())));
            }
        }
        return out;
    }

    /** Whether a process is a pod's sandbox: the pause container's one process. */
    boolean isPause(int pid) {
        return files.text(files.directory(procRoot.resolve(Integer.toString(pid))), "comm")
                .map(comm -> comm.trim().equals("pause"))
                .orElse(false);
    }

    private static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return IGNORED_PREFIXES.stream().anyMatch(lower::startsWith);
    }
}
