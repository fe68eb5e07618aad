package io.clusteragent.kubestate;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ?resources=} and {@code ?exclude_resources=} filters of a scrape, as kube-state-metrics reads them
 * ({@code pkg/metricshandler/metrics_handler.go} {@code parseResources}): each parameter may repeat and hold a
 * comma-separated list; a parameter that is present but empty selects nothing ({@code resources=}) or excludes
 * nothing.
 */
public record ResourceSelection(Optional<Set<String>> requested, Optional<Set<String>> excluded) {

    public static final ResourceSelection ALL = new ResourceSelection(Optional.empty(), Optional.empty());

    /**
     * @param resources        every value of the {@code resources} query parameter; empty when it is absent
     * @param excludeResources every value of {@code exclude_resources}; empty when it is absent
     */
    public static ResourceSelection fromQuery(List<String> resources, List<String> excludeResources) {
        return new ResourceSelection(parse(resources), parse(excludeResources));
    }

    boolean includes(String resource) {
        return requested.map(set -> set.contains(resource)).orElse(true)
                && !excluded.map(set -> set.contains(resource)).orElse(false);
    }

    private static Optional<Set<String>> parse(List<String> params) {
        if (params == null || params.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        for (String param : params) {
            for (String name : param.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return Optional.of(Set.copyOf(names));
    }
}
