package io.clusteragent.cadvisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code device} label of the I/O families: the block device a {@code major:minor} pair names, as
 * {@code /dev/<name>} (cAdvisor's {@code MachineInfoNamer} finds it in the machine's disk map, built from
 * {@code /sys/block}); here from the {@code DEVNAME} of {@code /sys/dev/block/<major>:<minor>/uevent}, which
 * every user may read. A pair that names no device is left out, so that two unknown devices never make two
 * series with the same labels.
 */
final class BlockDevices {

    private static final String DEVNAME = "DEVNAME=";

    private final Path sysDevBlock;
    private final Map<String, Optional<String>> names = new ConcurrentHashMap<>();

    BlockDevices(Path sysDevBlock) {
        this.sysDevBlock = sysDevBlock;
    }

    /** The {@code /sys/dev/block} next to a cgroup root mounted at {@code <sys>/fs/cgroup}, else this machine's. */
    static BlockDevices beside(Path cgroupRoot) {
        Path sys = cgroupRoot.toAbsolutePath().getParent();
        Path beside =
                sys == null || sys.getParent() == null ? null : sys.getParent().resolve("dev/block");
        return new BlockDevices(beside != null && Files.isDirectory(beside) ? beside : Path.of("/sys/dev/block"));
    }

    Optional<String> name(String majorMinor) {
        return names.computeIfAbsent(majorMinor, this::resolve);
    }

    private Optional<String> resolve(String majorMinor) {
        if (majorMinor.contains("/") || majorMinor.contains("..")) {
            return Optional.empty();
        }
        return CgroupFile.text(sysDevBlock.resolve(majorMinor).resolve("uevent"))
                .flatMap(uevent -> uevent.lines()
                        .filter(line -> line.startsWith(DEVNAME))
                        .map(line -> "/dev/" + line.substring(DEVNAME.length()).trim())
                        .findFirst());
    }
}
