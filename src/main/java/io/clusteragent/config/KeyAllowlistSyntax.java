package io.clusteragent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-state-metrics' {@code --metric-labels-allowlist} syntax, {@code pods=[app,team],namespaces=[*]}, parsed
 * character by character as its {@code LabelsAllowList.Set} does ({@code pkg/options/types.go}), so the same
 * strings are accepted and rejected.
 */
final class KeyAllowlistSyntax {

    private static final int END = -1;
    private static final int MAX_WILDCARDS_PER_KEY = 1;

    private KeyAllowlistSyntax() {}

    static Map<String, List<String>> parse(String value) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        String name = "";
        int wordStart = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int next = i + 1 == value.length() ? END : value.charAt(i + 1);
            char previous = i > 0 ? value.charAt(i - 1) : c;
            switch (c) {
                case '=' -> {
                    if (previous == ',' || next != '[') {
                        throw formatError();
                    }
                    name = value.substring(wordStart, i).trim();
                    groups.put(name, new ArrayList<>());
                    wordStart = i + 1;
                }
                case '[' -> {
                    if (previous != '=') {
                        throw formatError();
                    }
                    wordStart = i + 1;
                }
                case ']' -> {
                    if (next != END && next != ',') {
                        throw formatError();
                    }
                    if (previous != '[') {
                        groups.computeIfAbsent(name, n -> new ArrayList<>())
                                .add(value.substring(wordStart, i).trim());
                    }
                    wordStart = i + 1;
                }
                case ',' -> {
                    if (previous == c || next == END || next == ']') {
                        throw formatError();
                    }
                    if (previous != ']') {
                        groups.computeIfAbsent(name, n -> new ArrayList<>())
                                .add(value.substring(wordStart, i).trim());
                    }
                    wordStart = i + 1;
                }
                default -> {}
            }
        }
        for (List<String> keys : groups.values()) {
            if (keys.stream()
                    .anyMatch(key -> key.chars().filter(ch -> ch == '*').count() > MAX_WILDCARDS_PER_KEY)) {
                throw new IllegalArgumentException("invalid format, only one wildcard per label allowed");
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        groups.forEach((resource, keys) -> frozen.put(resource, List.copyOf(keys)));
        return frozen;
    }

    private static IllegalArgumentException formatError() {
        return new IllegalArgumentException("invalid format, metric=[label1,label2,labeln...],metricN=[]");
    }
}
