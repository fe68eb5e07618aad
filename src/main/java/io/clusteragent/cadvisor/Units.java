package io.clusteragent.cadvisor;

import java.nio.file.Path;
import java.util.Optional;

import static io.clusteragent.cadvisor.CgroupFile.unsigned;

/** The conversions cAdvisor applies between runc's figures and the values it writes, shared by v1 and v2. */
final class Units {

    /** {@code maxMemorySize} in {@code prometheus.go}: a limit above it is no limit, written as 0. */
    private static final long MAX_MEMORY_SIZE = 1L << 62;

    private Units() {}

    /** {@code float64(ns) / float64(time.Second)}. */
    static double nanosToSeconds(long nanos) {
        return unsigned(nanos) / 1e9;
    }

    /** {@code specMemoryValue}. */
    static double specMemory(long limit) {
        return Long.compareUnsigned(limit, MAX_MEMORY_SIZE) > 0 ? 0 : unsigned(limit);
    }

    /** {@code setMemoryStats}: the usage less inactive file pages when the stat has them, never below 0. */
    static long workingSet(long usage, Long inactiveFile) {
        if (inactiveFile == null) {
            return usage;
        }
        return Long.compareUnsigned(usage, inactiveFile) < 0 ? 0 : usage - inactiveFile;
    }

    /** {@code fscommon.GetValueByKey}: the value of the line starting {@code key }, 0 when there is none. */
    static Optional<Long> valueByKey(Path file, String text, String key) {
        String prefix = key + " ";
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                var value = CgroupFile.parse(file, line.substring(prefix.length()));
                return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
            }
        }
        return Optional.of(0L);
    }
}
