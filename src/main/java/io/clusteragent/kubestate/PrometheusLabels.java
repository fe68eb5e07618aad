package io.clusteragent.kubestate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Kubernetes labels or annotations as Prometheus labels, for the {@code kube_<kind>_labels} and
 * {@code _annotations} families ({@code internal/store/utils.go} {@code createPrometheusLabelKeysValues} and
 * {@code mapToPrometheusLabels}): only the allowlisted keys, sorted, sanitized to {@code [a-zA-Z0-9_]},
 * snake-cased, prefixed ({@code label_}, {@code annotation_}), and made unique with {@code _conflictN} suffixes.
 */
public final class PrometheusLabels {

    private static final String WILDCARD = "*";
    private static final Pattern INVALID_LABEL_CHAR = Pattern.compile("[^a-zA-Z0-9_]");
    private static final Pattern MATCH_ALL_CAP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Map<String, Pattern> WILDCARD_PATTERNS = new ConcurrentHashMap<>();

    private PrometheusLabels() {}

    /**
     * The one sample of a {@code kube_<kind>_labels} or {@code _annotations} family: none when the resource has no
     * allowlist ({@code if len(allowLabelsList) == 0 { return &metric.Family{} }}), else the allowlisted entries
     * with value 1.
     */
    public static List<Metric> family(String prefix, Map<String, String> kubeData, List<String> allowList) {
        return allowList.isEmpty() ? List.of() : List.of(allowed(prefix, kubeData, allowList, 1));
    }

    /**
     * The allowlisted entries of {@code kubeData} as one sample: keys and values in emitted order.
     *
     * @param prefix    {@code label} or {@code annotation}
     * @param kubeData  the object's labels or annotations; null is none
     * @param allowList the resource's allowlist; {@code *} first means every key, {@code app*} a key pattern
     */
    public static Metric allowed(String prefix, Map<String, String> kubeData, List<String> allowList, double value) {
        Map<String, String> all = kubeData == null ? Map.of() : kubeData;
        Map<String, String> allowed = new HashMap<>();
        for (int i = 0; i < allowList.size(); i++) {
            String entry = allowList.get(i);
            if (entry.equals(WILDCARD)) {
                // Only a leading wildcard means every key, as in kube-state-metrics.
                if (i == 0) {
                    return toPrometheus(prefix, all, value);
                }
                continue;
            }
            if (!entry.contains(WILDCARD)) {
                if (all.containsKey(entry)) {
                    allowed.put(entry, all.get(entry));
                }
                continue;
            }
            Pattern pattern = wildcardPattern(entry);
            all.forEach((key, v) -> {
                if (pattern != null && pattern.matcher(key).matches()) {
                    allowed.put(key, v);
                }
            });
        }
        return toPrometheus(prefix, allowed, value);
    }

    /** {@code mapToPrometheusLabels}: every entry, sorted by key, with collisions suffixed {@code _conflictN}. */
    static Metric toPrometheus(String prefix, Map<String, String> labels, double value) {
        List<String> keys = new ArrayList<>(labels.size());
        List<String> values = new ArrayList<>(labels.size());
        Map<String, Integer> used = new HashMap<>();
        Map<String, Integer> conflicts = new HashMap<>();
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            String base = labelName(prefix, label.getKey());
            String name = base;
            if (conflicts.containsKey(base)) {
                int[] count = {conflicts.get(base)};
                name = nextFreeName(base, count, used);
                conflicts.put(base, count[0]);
            } else if (used.containsKey(name)) {
                // First collision: the entry already emitted becomes _conflict1 and this one takes the next.
                int[] count = {0};
                String renamed = nextFreeName(base, count, used);
                int index = used.remove(name);
                keys.set(index, renamed);
                used.put(renamed, index);
                name = nextFreeName(base, count, used);
                conflicts.put(base, count[0]);
            }
            used.put(name, keys.size());
            keys.add(name);
            values.add(label.getValue());
        }
        return new Metric(keys, values, value);
    }

    private static String nextFreeName(String base, int[] count, Map<String, Integer> used) {
        while (true) {
            count[0]++;
            String candidate = base + "_conflict" + count[0];
            if (!used.containsKey(candidate)) {
                return candidate;
            }
        }
    }

    /** {@code labelName}: prefix, then the key sanitized and snake-cased ({@code lintLabelName}). */
    static String labelName(String prefix, String key) {
        String sanitized = INVALID_LABEL_CHAR.matcher(key).replaceAll("_");
        return prefix + "_"
                + MATCH_ALL_CAP.matcher(sanitized).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code expandWildcard}: the literal parts quoted, {@code *} as {@code .*}, the whole key matched. */
    private static Pattern wildcardPattern(String entry) {
        if (entry.indexOf('*') != entry.lastIndexOf('*')) {
            return null; // more wildcards than kube-state-metrics allows per key: it ignores the entry
        }
        return WILDCARD_PATTERNS.computeIfAbsent(entry, e -> {
            StringBuilder regex = new StringBuilder("^");
            String[] literals = e.split(Pattern.quote(WILDCARD), -1);
            for (int i = 0; i < literals.length; i++) {
                if (i > 0) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(literals[i]));
            }
            return Pattern.compile(regex.append('$').toString());
        });
    }
}
