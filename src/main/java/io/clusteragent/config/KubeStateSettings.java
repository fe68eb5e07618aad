package io.clusteragent.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the kube-state-metrics-compatible families expose, with kube-state-metrics' own flag syntax and meaning
 * ({@code docs/developer/cli-arguments.md}).
 *
 * @param metricAllowlist      family names or regexes to keep (unanchored, as kube-state-metrics matches them);
 *                             empty keeps every family
 * @param metricDenylist       family names or regexes to drop; exclusive with the allowlist
 * @param metricOptInList      regexes of opt-in families to enable
 * @param labelsAllowlist      per resource plural ({@code *} for all), the Kubernetes label keys the
 *                             {@code kube_<kind>_labels} families carry ({@code *} for all, one {@code *} wildcard per key)
 * @param annotationsAllowlist the same for {@code kube_<kind>_annotations}
 * @param namespaces           only objects of these namespaces are rendered; empty means all
 * @param namespacesDenylist   objects of these namespaces are not rendered
 * @param shard                this replica's shard, from 0
 * @param totalShards          how many shards split the objects; 1 turns sharding off
 */
public record KubeStateSettings(
        Set<String> metricAllowlist,
        Set<String> metricDenylist,
        Set<String> metricOptInList,
        Map<String, List<String>> labelsAllowlist,
        Map<String, List<String>> annotationsAllowlist,
        List<String> namespaces,
        List<String> namespacesDenylist,
        int shard,
        int totalShards) {

    public KubeStateSettings {
        metricAllowlist = Set.copyOf(metricAllowlist);
        metricDenylist = Set.copyOf(metricDenylist);
        metricOptInList = Set.copyOf(metricOptInList);
        labelsAllowlist = Map.copyOf(labelsAllowlist);
        annotationsAllowlist = Map.copyOf(annotationsAllowlist);
        namespaces = List.copyOf(namespaces);
        namespacesDenylist = List.copyOf(namespacesDenylist);
        if (!metricAllowlist.isEmpty() && !metricDenylist.isEmpty()) {
            throw new IllegalArgumentException(
                    "allowlist and denylist are both set, they are mutually exclusive, only one of them can be set");
        }
        if (totalShards < 1 || shard < 0 || shard >= totalShards) {
            throw new IllegalArgumentException(
                    "shard must be from 0 to totalShards - 1, was " + shard + " of " + totalShards);
        }
    }

    public static KubeStateSettings defaults() {
        return new KubeStateSettings(Set.of(), Set.of(), Set.of(), Map.of(), Map.of(), List.of(), List.of(), 0, 1);
    }

    static KubeStateSettings from(SettingValues values) {
        Set<String> allow = regexes(values, Setting.METRIC_ALLOWLIST);
        Set<String> deny = regexes(values, Setting.METRIC_DENYLIST);
        if (!allow.isEmpty() && !deny.isEmpty()) {
            throw new ConfigException(Setting.METRIC_ALLOWLIST.env() + " and " + Setting.METRIC_DENYLIST.env()
                    + " are mutually exclusive, only one of them can be set");
        }
        int totalShards = values.integer(Setting.TOTAL_SHARDS, 1, Integer.MAX_VALUE);
        int shard = values.integer(Setting.SHARD, 0, Integer.MAX_VALUE);
        if (shard >= totalShards) {
            throw new ConfigException(Setting.SHARD.env() + " (" + Setting.SHARD.flag() + "): " + shard
                    + " is not below " + Setting.TOTAL_SHARDS.env() + " " + totalShards);
        }
        return new KubeStateSettings(
                allow,
                deny,
                regexes(values, Setting.METRIC_OPT_IN_LIST),
                keyAllowlist(values, Setting.METRIC_LABELS_ALLOWLIST),
                keyAllowlist(values, Setting.METRIC_ANNOTATIONS_ALLOWLIST),
                values.list(Setting.NAMESPACES),
                values.list(Setting.NAMESPACES_DENYLIST),
                shard,
                totalShards);
    }

    private static Set<String> regexes(SettingValues values, Setting setting) {
        Set<String> items = new LinkedHashSet<>(values.list(setting));
        for (String item : items) {
            try {
                Pattern.compile(item);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(setting.env() + " (" + setting.flag() + "): invalid regex '" + item + "': "
                        + e.getDescription());
            }
        }
        return items;
    }

    private static Map<String, List<String>> keyAllowlist(SettingValues values, Setting setting) {
        String raw = values.text(setting).orElse("");
        try {
            return KeyAllowlistSyntax.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting.env() + " (" + setting.flag() + "): " + e.getMessage() + ", in '" + raw
                    + "'; expected " + setting.accepted());
        }
    }

    /** These settings for shard {@code shard} of {@code totalShards}, as automatic sharding learns them at start. */
    public KubeStateSettings withShard(int shard, int totalShards) {
        return new KubeStateSettings(
                metricAllowlist,
                metricDenylist,
                metricOptInList,
                labelsAllowlist,
                annotationsAllowlist,
                namespaces,
                namespacesDenylist,
                shard,
                totalShards);
    }

    /** True when {@code totalShards} splits the objects between replicas. */
    public boolean sharded() {
        return totalShards > 1;
    }

    @Override
    public String toString() {
        return "shard=" + shard + "/" + totalShards
                + (metricAllowlist.isEmpty() ? "" : " metricAllowlist=" + metricAllowlist)
                + (metricDenylist.isEmpty() ? "" : " metricDenylist=" + metricDenylist)
                + (namespaces.isEmpty() ? "" : " namespaces=" + namespaces)
                + (namespacesDenylist.isEmpty() ? "" : " namespacesDenylist=" + namespacesDenylist)
                + (labelsAllowlist.isEmpty() ? "" : " labelsAllowlist=" + labelsAllowlist);
    }
}
