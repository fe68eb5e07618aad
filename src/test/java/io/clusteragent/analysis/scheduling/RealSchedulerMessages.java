package io.clusteragent.analysis.scheduling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real kube-scheduler FailedScheduling messages of {@code /scheduling/failed-scheduling-messages.tsv},
 * with what each must parse to: one table for every analysis that reads that text.
 */
public final class RealSchedulerMessages {

    /**
     * @param expected nodes failing per category, null for a category the message gives no count for
     */
    public record RealSchedulerMessage(
            Integer totalNodes,
            Map<SchedulingFailureCategory, Integer> expected,
            int preemptionReasons,
            String message) {}

    private RealSchedulerMessages() {}

    public static List<RealSchedulerMessage> all() {
        var stream = RealSchedulerMessages.class.getResourceAsStream("/scheduling/failed-scheduling-messages.tsv");
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cols -> new RealSchedulerMessage(
                            cols[0].equals("-") ? null : Integer.valueOf(cols[0]),
                            expected(cols[1]),
                            Integer.parseInt(cols[2]),
                            cols[3]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<SchedulingFailureCategory, Integer> expected(String column) {
        Map<SchedulingFailureCategory, Integer> expected = new HashMap<>();
        for (String entry : column.split(",")) {
            String[] parts = entry.split("=");
            expected.put(
                    SchedulingFailureCategory.valueOf(parts[0]),
                    parts[1].equals("?") ? null : Integer.valueOf(parts[1]));
        }
        return expected;
    }
}
