package io.clusteragent.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What wrk printed at the end of a run (with {@code --latency} for the percentiles), read once for every benchmark. */
record WrkOutput(String text) {

    private static final Pattern LATENCY = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+(\\S+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+(\\S+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+(\\S+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+(\\S+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    long requests() {
        return Long.parseLong(find(REQUESTS));
    }

    double requestsPerSecond() {
        return Double.parseDouble(find(RATE));
    }

    /** wrk prints this line only when there were such answers. */
    long non2xx() {
        Matcher matcher = NON_2XX.matcher(text);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    double p50Millis() {
        return millis(find(P50));
    }

    double p99Millis() {
        return millis(find(P99));
    }

    double maxMillis() {
        return millis(find(LATENCY));
    }

    private String find(Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + text);
        }
        return matcher.group(1);
    }

    /** wrk prints durations as {@code 950.00us}, {@code 2.48ms} or {@code 1.02s}. */
    private static double millis(String duration) {
        double value = Double.parseDouble(duration.replaceAll("[a-z]+$", ""));
        return switch (duration.replaceAll("^[0-9.]+", "")) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> throw new IllegalStateException("unexpected duration from wrk: " + duration);
        };
    }
}
