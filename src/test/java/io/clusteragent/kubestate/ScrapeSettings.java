package io.clusteragent.kubestate;

import io.clusteragent.config.KubeStateSettings;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings for golden scrapes that look at part of a resource, as kube-state-metrics' store tests do with
 * {@code MetricNames} and {@code AllowAnnotationsList}.
 */
final class ScrapeSettings {

    private ScrapeSettings() {}

    /** Only the named families ({@code --metric-allowlist} with anchored names), opt-in ones enabled. */
    static KubeStateSettings only(String... families) {
        Set<String> anchored = Arrays.stream(families).map(f -> "^" + f + "$").collect(Collectors.toSet());
        return new KubeStateSettings(anchored, Set.of(), anchored, Map.of(), Map.of(), List.of(), List.of(), 0, 1);
    }

    /** Every default family, with the resource's annotations allowlist. */
    static KubeStateSettings annotations(String plural, String... keys) {
        return new KubeStateSettings(
                Set.of(), Set.of(), Set.of(), Map.of(), Map.of(plural, List.of(keys)), List.of(), List.of(), 0, 1);
    }

    /** Every default family and the named opt-in ones. */
    static KubeStateSettings optIn(String... families) {
        return new KubeStateSettings(
                Set.of(), Set.of(), Set.of(families), Map.of(), Map.of(), List.of(), List.of(), 0, 1);
    }

    static String scrape(
            KubeStateSettings settings,
            KubeStateResource<?> resource,
            io.fabric8.kubernetes.api.model.HasMetadata object) {
        return GoldenScrape.scrape(settings, resource, ExpositionFormat.TEXT, object);
    }
}
