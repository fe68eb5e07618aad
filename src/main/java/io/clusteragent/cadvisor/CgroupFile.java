package io.clusteragent.cadvisor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads cgroup (and {@code /proc}) files the way runc's {@code fscommon} parses them. A container that exits while
 * it is read takes its files with it, and a file can be half-written: either way the value is left out (logged at
 * debug) and the rest of the reading goes on. Unsigned 64-bit values are kept in a {@code long} bit for bit.
 */
final class CgroupFile {

    private static final Logger LOG = LoggerFactory.getLogger(CgroupFile.class);

    /** {@code math.MaxUint64}, which runc reads {@code max} as. */
    static final long MAX = -1L;

    private CgroupFile() {}

    static Optional<String> text(Path file) {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            LOG.debug("no {}", file);
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", file, e.toString());
        }
        return Optional.empty();
    }

    /** {@code GetCgroupParamUint}: the file's one number, {@code max} as the largest. */
    static OptionalLong uint(Path file) {
        Optional<String> text = text(file);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        String value = text.get().trim();
        if (value.equals("max")) {
            return OptionalLong.of(MAX);
        }
        return parse(file, value);
    }

    /**
     * A {@code key value} file ({@code cpu.stat}, {@code memory.stat}): every line must be one, as
     * {@code fscommon.ParseKeyValue} requires, or the whole file is left out.
     */
    static Optional<Map<String, Long>> keyValues(Path file) {
        Optional<String> text = text(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> values = new HashMap<>();
        for (String line : text.get().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space <= 0 || space == line.length() - 1) {
                LOG.debug("{}: not a key-value line: {}", file, line);
                return Optional.empty();
            }
            OptionalLong value = parse(file, line.substring(space + 1));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.put(line.substring(0, space), value.getAsLong());
        }
        return Optional.of(values);
    }

    /** {@code fscommon.ParseUint}: an unsigned decimal, a negative number as 0. */
    static OptionalLong parse(Path file, String value) {
        try {
            return OptionalLong.of(Long.parseUnsignedLong(value));
        } catch (NumberFormatException e) {
            if (value.startsWith("-") && value.length() > 1 && value.substring(1).chars().allMatch(Character::isDigit)) {
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
