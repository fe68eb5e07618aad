package io.clusteragent.cadvisor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How runc's {@code fscommon} reads a cgroup (or {@code /proc}) value, for the readings ({@link CgroupFiles}, which
 * keeps the files open) and for a file read once ({@link #text}, a block device's name). A container that exits
 * while it is read takes its files with it, and a file can be half-written: either way the value is left out
 * (logged at debug) and the rest of the reading goes on. Unsigned 64-bit values are kept in a {@code long} bit for
 * bit.
 */
final class CgroupFile {

    private static final Logger LOG = LoggerFactory.getLogger(CgroupFile.class);
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

    /** {@code math.MaxUint64}, which runc reads {@code max} as. */
    static final long MAX = -1L;

    private CgroupFile() {}

    /** A file read once, opened and closed. */
    static Optional<String> text(Path file) {
        // A cgroup file reports size 0 and is generated on read: one read into a reused buffer, not a size probe.
        byte[] buffer = BUFFER.get();
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            int length = 0;
            int read;
            while ((read = in.read(buffer, length, buffer.length - length)) > 0) {
                length += read;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    BUFFER.set(buffer);
                }
            }
            return Optional.of(new String(buffer, 0, length, StandardCharsets.ISO_8859_1));
        } catch (FileNotFoundException e) {
            LOG.debug("no {}", file);
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", file, e.toString());
        }
        return Optional.empty();
    }

    /** {@code fscommon.ParseUint}: an unsigned decimal, a negative number as 0. */
    static OptionalLong parse(Path file, String value) {
        try {
            return OptionalLong.of(Long.parseUnsignedLong(value));
        } catch (NumberFormatException e) {
            if (value.startsWith("-")
                    && value.length() > 1
                    && value.substring(1).chars().allMatch(Character::isDigit)) {
                return OptionalLong.of(0);
            }
            LOG.debug("{}: not a number: {}", file, value);
            return OptionalLong.empty();
        }
    }

    /** An unsigned 64-bit value as Go's {@code float64(uint64)} converts it. */
    static double unsigned(long value) {
        if (value >= 0) {
            return value;
        }
        // Halve (keeping the low bit, so rounding still sees it), convert, double: exact as a Go conversion.
        return ((double) ((value >>> 1) | (value & 1))) * 2.0;
    }
}
