package io.clusteragent.kubestate;

import java.util.List;
import java.util.function.Function;

/**
 * One sample per element of a list field, the commonest family shape ({@code for i, x := range obj.Spec.Xs}).
 * fabric8 leaves absent lists null where Go ranges over nil as over nothing.
 */
final class Samples {

    private Samples() {}

    static <E> List<Metric> each(List<E> items, Function<? super E, Metric> sample) {
        return items == null ? List.of() : items.stream().<Metric>map(sample).toList();
    }

    static <E> List<E> orEmpty(List<E> items) {
        return items == null ? List.of() : items;
    }
}
