package io.clusteragent.kubestate;

import io.clusteragent.config.KubeStateSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scrape a user gets with {@code --metric-allowlist} (and {@code --metric-opt-in-list}) naming exactly the given
 * families: the port of kube-state-metrics' test cases, which compare only their {@code MetricNames}.
 */
final class FamilyScrape {

    private FamilyScrape() {}

    static String of(KubeStateResource<?> resource, List<String> families, HasMetadata... objects) {
        return withAllowlists(resource, families, Map.of(), Map.of(), objects);
    }

    /** With {@code --metric-labels-allowlist} and {@code --metric-annotations-allowlist} set. */
    static String withAllowlists(
            KubeStateResource<?> resource,
            List<String> families,
            Map<String, List<String>> labelsAllowlist,
            Map<String, List<String>> annotationsAllowlist,
            HasMetadata... objects) {
        Set<String> exact =
                families.stream().map(f -> "^" + Pattern.quote(f) + "$").collect(Collectors.toSet());
        KubeStateSettings settings = new KubeStateSettings(
                exact, Set.of(), exact, labelsAllowlist, annotationsAllowlist, List.of(), List.of(), 0, 1);
        String scrape = GoldenScrape.scrape(settings, resource, ExpositionFormat.TEXT, objects);
        // Objects of one resource come out in no fixed order; one object's samples keep their emitted order.
        return objects.length > 1 ? GoldenScrape.sortedWithinFamilies(scrape) : scrape;
    }
}
