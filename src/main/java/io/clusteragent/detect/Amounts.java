package io.clusteragent.detect;

import io.clusteragent.quantity.Quantities;

import java.util.Locale;

/** Figures in findings, written the way kubectl users read them: {@code 95.5m}, {@code 243.2Mi}, {@code 95.0%}. */
final class Amounts {

    private static final long MI = 1L << 20;

    private Amounts() {}

    static String millicores(double millicores) {
        return millicores == Math.rint(millicores)
                ? (long) millicores + "m"
                : String.format(Locale.ROOT, "%.1fm", millicores);
    }

    /** Exact quantities keep kubectl's form ({@code 256Mi}); measured ones are rounded to a tenth of a MiB. */
    static String bytes(long bytes) {
        if (bytes < MI || bytes % MI == 0) {
            return Quantities.formatBytes(bytes);
        }
        return String.format(Locale.ROOT, "%.1fMi", (double) bytes / MI);
    }

    static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
