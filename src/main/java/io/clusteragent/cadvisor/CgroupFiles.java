package io.clusteragent.cadvisor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A reading's view of the cgroup files, parsed the way runc's {@code fscommon} parses them, straight from the bytes
 * {@link OpenFiles} read (the one-number files and the large key-value ones are most of a reading: no
 * {@code String} is made for them). A file that is absent or malformed is left out, as {@link CgroupFile} says.
 */
final class CgroupFiles {

    private static final Logger LOG = LoggerFactory.getLogger(CgroupFiles.class);

    /** {@code math.MaxUint64 / 10}: one more digit above it overflows. */
    private static final long MAX_TENTH = Long.divideUnsigned(-1L, 10);

    private static final int MAX_LAST_DIGIT = (int) Long.remainderUnsigned(-1L, 10);

    private final OpenFiles files;

    CgroupFiles(OpenFiles files) {
        this.files = files;
    }

    /** Ends a reading: the files of cgroups it did not read are closed. */
    void endReading() {
        files.endReading();
    }

    /** The directory of a cgroup (or process) whose files are read now. */
    OpenFiles.Directory directory(Path dir) {
        return files.directory(dir);
    }

    Optional<String> text(OpenFiles.Directory dir, String name) {
        int length = dir.read(name);
        return length < 0
                ? Optional.empty()
                : Optional.of(new String(files.bytes(), 0, length, StandardCharsets.ISO_8859_1));
    }

    /** {@code GetCgroupParamUint}: the file's one number, {@code max} as the largest. */
    OptionalLong uint(OpenFiles.Directory dir, String name) {
        int length = dir.read(name);
        if (length < 0) {
            return OptionalLong.empty();
        }
        byte[] bytes = files.bytes();
        int from = 0;
        int to = length;
        while (from < to && (bytes[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (bytes[to - 1] & 0xff) <= ' ') {
            to--;
        }
        if (to - from == 3 && bytes[from] == 'm' && bytes[from + 1] == 'a' && bytes[from + 2] == 'x') {
            return OptionalLong.of(CgroupFile.MAX);
        }
        return parse(dir.path(), bytes, from, to);
    }

    /**
     * A {@code key value} file ({@code cpu.stat}, {@code memory.stat}): every line must be one, as
     * {@code fscommon.ParseKeyValue} requires, or the whole file is left out.
     *
     * @return the values of those of {@code keys} the file has
     */
    Optional<Map<String, Long>> keyValues(OpenFiles.Directory dir, String name, String... keys) {
        int length = dir.read(name);
        if (length < 0) {
            return Optional.empty();
        }
        byte[] bytes = files.bytes();
        Map<String, Long> values = new HashMap<>();
        int start = 0;
        while (start < length) {
            int end = indexOf(bytes, (byte) '\n', start, length);
            if (end > start) {
                int space = indexOf(bytes, (byte) ' ', start, end);
                if (space <= start || space >= end - 1) {
                    LOG.debug(
                            "{}/{}: not a key-value line: {}",
                            dir.path(),
                            name,
                            new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
                    return Optional.empty();
                }
                OptionalLong value = parse(dir.path(), bytes, space + 1, end);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                String key = wanted(keys, bytes, start, space);
                if (key != null) {
                    values.put(key, value.getAsLong());
                }
            }
            start = end + 1;
        }
        return Optional.of(values);
    }

    /** {@code fscommon.ParseUint} on {@code bytes[from, to)}: an unsigned decimal, a negative number as 0. */
    static OptionalLong parse(Path file, byte[] bytes, int from, int to) {
        int digits = from < to && bytes[from] == '+' ? from + 1 : from;
        if (digits < to) {
            long value = 0;
            int i = digits;
            for (; i < to; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                int above = Long.compareUnsigned(value, MAX_TENTH);
                if (above > 0 || above == 0 && digit > MAX_LAST_DIGIT) {
                    break;
                }
                value = value * 10 + digit;
            }
            if (i == to) {
                return OptionalLong.of(value);
            }
        }
        return CgroupFile.parse(file, new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
    }

    private static String wanted(String[] keys, byte[] bytes, int from, int to) {
        for (String key : keys) {
            if (key.length() == to - from && matches(key, bytes, from)) {
                return key;
            }
        }
        return null;
    }

    private static boolean matches(String key, byte[] bytes, int from) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The index of {@code b} in {@code bytes[from, to)}, or {@code to}. */
    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }
}
