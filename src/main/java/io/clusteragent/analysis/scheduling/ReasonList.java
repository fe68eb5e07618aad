package io.clusteragent.analysis.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the reason list of a FailedScheduling message ({@code 1 node(s) had taint {a: b}, that the pod
 * didn't tolerate, 2 Insufficient cpu}). Reasons are joined with ", ", but a reason may itself contain
 * ", " (the old taint wording) or anything inside a taint's braces, so a separator only counts outside
 * braces and when the next reason starts with a node count.
 */
final class ReasonList {

    private static final Pattern COUNTED = Pattern.compile("^(\\d+) (.+)$", Pattern.DOTALL);

    private ReasonList() {}

    /** @param uncounted the count given to a reason without one (the scheduler omits it when every node failed) */
    static List<SchedulerReason> parse(
            String list, Integer uncounted, Function<String, SchedulingFailureCategory> categorizer) {
        List<SchedulerReason> reasons = new ArrayList<>();
        for (String chunk : split(list)) {
            Matcher counted = COUNTED.matcher(chunk);
            boolean hasCount = counted.matches();
            String text = hasCount ? counted.group(2).strip() : chunk;
            Integer count = hasCount ? Integer.valueOf(counted.group(1)) : uncounted;
            reasons.add(new SchedulerReason(count, text, categorizer.apply(text)));
        }
        return reasons;
    }

    static List<String> split(String list) {
        List<String> chunks = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0 && startsCountedReason(list, i + 1)) {
                addIfPresent(chunks, list.substring(start, i));
                start = i + 1;
            }
        }
        addIfPresent(chunks, list.substring(start));
        return chunks;
    }

    private static boolean startsCountedReason(String list, int from) {
        int i = from;
        while (i < list.length() && list.charAt(i) == ' ') {
            i++;
        }
        int digits = i;
        while (i < list.length() && Character.isDigit(list.charAt(i))) {
            i++;
        }
        return i > digits && i < list.length() && list.charAt(i) == ' ';
    }

    private static void addIfPresent(List<String> chunks, String chunk) {
        String text = chunk.strip();
        if (!text.isEmpty()) {
            chunks.add(text);
        }
    }
}
