package io.clusteragent.analysis;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses the timestamps Kubernetes writes: {@code 2024-05-01T10:20:00Z} (metav1.Time) and
 * {@code 2024-05-01T10:20:00.123456Z} (metav1.MicroTime).
 *
 * <p>{@link Instant#parse} costs over a microsecond a call, and a namespace report reads thousands
 * of event timestamps per request, so the canonical UTC form is decoded by hand; anything else
 * (an offset, a leap second) goes through {@link Instant#parse}.
 */
public final class Rfc3339 {

    private static final int[] NANOS_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };

    private Rfc3339() {}

    /** Null for null, empty or unparseable text. */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant fast = parseCanonicalUtc(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant parseCanonicalUtc(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || (s.charAt(n - 1) != 'Z' && s.charAt(n - 1) != 'z')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fractionDigits = n - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, 20, n - 1);
            nanos = fraction < 0 ? -1 : fraction * NANOS_SCALE[fractionDigits];
        }
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || nanos < 0) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in s[from, to), or -1 if any character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
