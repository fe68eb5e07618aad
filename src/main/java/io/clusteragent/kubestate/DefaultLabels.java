package io.clusteragent.kubestate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The labels every series of a resource starts with ({@code desc<Kind>LabelsDefaultLabels}, e.g.
 * {@code namespace,pod,uid} for pods) and how to read their values from an object. {@link #wrap} is the port of
 * each store's {@code wrap<Kind>Func}: it prepends them to the samples of one family ({@code mergeKeyValues}).
 */
public final class DefaultLabels<T> {

    private final List<String> keys;
    private final Function<? super T, List<String>> values;

    private DefaultLabels(List<String> keys, Function<? super T, List<String>> values) {
        this.keys = List.copyOf(keys);
        this.values = values;
    }

    /** @param values the values of {@code keys}, in the same order, for one object */
    public static <T> DefaultLabels<T> of(List<String> keys, Function<? super T, List<String>> values) {
        return new DefaultLabels<>(keys, values);
    }

    public Function<T, List<Metric>> wrap(Function<? super T, List<Metric>> family) {
        return object -> {
            List<Metric> metrics = family.apply(object);
            List<String> defaultValues = values.apply(object);
            List<Metric> merged = new ArrayList<>(metrics.size());
            for (Metric metric : metrics) {
                merged.add(new Metric(
                        concat(keys, metric.labelKeys()), concat(defaultValues, metric.labelValues()), metric.value()));
            }
            return merged;
        };
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }
}
