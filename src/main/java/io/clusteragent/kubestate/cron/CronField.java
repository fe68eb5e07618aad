package io.clusteragent.kubestate.cron;

import java.util.Locale;
import java.util.Map;

/**
 * One field of a cron spec as a bit set of the values it allows ({@code getField} / {@code getRange}):
 * comma-separated {@code *}, {@code ?}, values, names, {@code a-b} ranges (wrapping past the maximum, e.g.
 * {@code 22-2} or {@code FRI-MON}) and {@code /step}s, each checked against the field's bounds.
 */
enum CronField {
    SECOND(0, 59, Map.of()),
    MINUTE(0, 59, Map.of()),
    HOUR(0, 23, Map.of()),
    DAY_OF_MONTH(1, 31, Map.of()),
    MONTH(
            1,
            12,
            Map.ofEntries(
                    Map.entry("jan", 1),
                    Map.entry("feb", 2),
                    Map.entry("mar", 3),
                    Map.entry("apr", 4),
                    Map.entry("may", 5),
                    Map.entry("jun", 6),
                    Map.entry("jul", 7),
                    Map.entry("aug", 8),
                    Map.entry("sep", 9),
                    Map.entry("oct", 10),
                    Map.entry("nov", 11),
                    Map.entry("dec", 12))),
    DAY_OF_WEEK(0, 7, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6));

    private final int min;
    private final int max;
    private final Map<String, Integer> names;

    CronField(int min, int max, Map<String, Integer> names) {
        this.min = min;
        this.max = max;
        this.names = names;
    }

    /** Every value of the field. */
    long all() {
        return bits(min, max, 1);
    }

    /** Weekday 7 is Sunday, as 0 ({@code NormalizeDOW}). */
    static long normalizeDayOfWeek(long bits) {
        return (bits & (1L << 7)) != 0 ? (bits | 1L) & ~(1L << 7) : bits;
    }

    long bits(String field) {
        long bits = 0;
        for (String expression : field.split(",")) {
            if (!expression.isEmpty()) {
                bits |= range(expression);
            }
        }
        return bits;
    }

    private long range(String expression) {
        String[] rangeAndStep = expression.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        int start;
        int end;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            start = min;
            end = max;
        } else {
            start = number(lowAndHigh[0]);
            end = switch (lowAndHigh.length) {
                case 1 -> start;
                case 2 -> number(lowAndHigh[1]);
                default -> throw new IllegalArgumentException("too many hyphens: " + expression);
            };
        }
        int step = 1;
        if (rangeAndStep.length == 2) {
            step = unsigned(rangeAndStep[1]);
            if (lowAndHigh.length == 1) {
                end = max;
            }
        } else if (rangeAndStep.length > 2) {
            throw new IllegalArgumentException("too many slashes: " + expression);
        }
        validate(start, end, step, expression);
        return start > end ? wrappedBits(start, end, step) : bits(start, end, step);
    }

    private void validate(int start, int end, int step, String expression) {
        if (start < min) {
            throw new IllegalArgumentException(
                    "beginning of range (" + start + ") below minimum (" + min + "): " + expression);
        }
        if (end > max) {
            throw new IllegalArgumentException("end of range (" + end + ") above maximum (" + max + "): " + expression);
        }
        if (step == 0) {
            throw new IllegalArgumentException("step of range must be a positive number: " + expression);
        }
        int rangeSize = start > end ? (max - start + 1) + (end - min + 1) : end - start + 1;
        if (step > 1 && step >= rangeSize) {
            throw new IllegalArgumentException(
                    "step (" + step + ") must be less than range size (" + rangeSize + "): " + expression);
        }
    }

    private long wrappedBits(int start, int end, int step) {
        long bits = 0;
        int size = max - min + 1;
        for (int i = start; i <= end + size; i += step) {
            int value = i > max ? (i - min) % size + min : i;
            bits |= 1L << value;
        }
        return bits;
    }

    private static long bits(int low, int high, int step) {
        long bits = 0;
        for (int i = low; i <= high; i += step) {
            bits |= 1L << i;
        }
        return bits;
    }

    private int number(String text) {
        Integer named = names.get(text.toLowerCase(Locale.ROOT));
        return named != null ? named : unsigned(text);
    }

    /** {@code mustParseInt}: Go's {@code strconv.Atoi}, negatives refused. */
    private static int unsigned(String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse int from " + text, e);
        }
        if (value < 0) {
            throw new IllegalArgumentException("negative number (" + value + ") not allowed: " + text);
        }
        return value;
    }
}
