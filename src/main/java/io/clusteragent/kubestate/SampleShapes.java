package io.clusteragent.kubestate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The commonest family shapes of the cluster-level and storage resources: one sample per element of a list field
 * ({@code for i, x := range obj.Spec.Xs}), per condition, per phase. fabric8 leaves absent lists null where Go
 * ranges over nil as over nothing.
 */
final class SampleShapes {

    private static final List<String> CONDITION_KEYS = List.of("condition", "status");

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private SampleShapes() {}

    static <E> List<Metric> each(List<E> items, Function<? super E, Metric> sample) {
        return items == null ? List.of() : items.stream().<Metric>map(sample).toList();
    }

    /**
     * The {@code status.conditions} shape of node, claim and other families: three series per condition (see
     * {@link Conditions}), labelled {@code condition} and {@code status}.
     */
    static <C> List<Metric> conditions(List<C> conditions, Function<C, String> type, Function<C, String> status) {
        List<Metric> metrics = new ArrayList<>();
        for (C condition : orEmpty(conditions)) {
            metrics.addAll(Conditions.metrics(
                    CONDITION_KEYS, Collections.singletonList(type.apply(condition)), status.apply(condition)));
        }
        return metrics;
    }

    /** A {@code status.phase} family: one series per possible phase, 1 on the current one; none while unset. */
    static List<Metric> phase(List<String> phases, String current) {
        if (current == null || current.isEmpty()) {
            return List.of();
        }
        return phases.stream()
                .map(p -> Metric.of("phase", p, Metric.bool(p.equals(current))))
                .toList();
    }

    /**
     * {@code resourceVersionMetric}: the resource version as a number, no sample when it is not one (Go's
     * {@code strconv.ParseFloat}, which takes no surrounding blanks nor Java's {@code d}/{@code f} suffixes).
     */
    static List<Metric> resourceVersion(String resourceVersion) {
        if (resourceVersion == null || !DECIMAL.matcher(resourceVersion).matches()) {
            return List.of();
        }
        return List.of(Metric.of(Double.parseDouble(resourceVersion)));
    }

    static <E> List<E> orEmpty(List<E> items) {
        return items == null ? List.of() : items;
    }
}
