package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The limitrange families, ported from kube-state-metrics' {@code internal/store/limitrange.go}. */
final class LimitRangeMetrics {

    private static final DefaultLabels<LimitRange> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "limitrange"),
            r -> Arrays.asList(r.getMetadata().getNamespace(), r.getMetadata().getName()));
    private static final List<String> KEYS = List.of("resource", "type", "constraint");

    static final KubeStateResource<LimitRange> RESOURCE = KubeStateResource.of(
            "limitranges",
            LimitRange.class,
            List.of(
                    FamilyGenerator.stable(
                            "kube_limitrange",
                            "Information about limit range.",
                            MetricType.GAUGE,
                            DEFAULT_LABELS.wrap(LimitRangeMetrics::constraints)),
                    MetadataFamilies.created("kube_limitrange_created", Stability.STABLE, DEFAULT_LABELS)));

    private LimitRangeMetrics() {}

    /** Per limit: its min, max, default, defaultRequest and maxLimitRequestRatio amounts, in that order. */
    private static List<Metric> constraints(LimitRange range) {
        if (range.getSpec() == null) {
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>();
        for (LimitRangeItem limit : SampleShapes.orEmpty(range.getSpec().getLimits())) {
            String type = limit.getType();
            metrics.addAll(ResourceValues.each(limit.getMin(), KEYS, Arrays.asList(type, "min")));
            metrics.addAll(ResourceValues.each(limit.getMax(), KEYS, Arrays.asList(type, "max")));
            metrics.addAll(ResourceValues.each(limit.getDefault(), KEYS, Arrays.asList(type, "default")));
            metrics.addAll(ResourceValues.each(limit.getDefaultRequest(), KEYS, Arrays.asList(type, "defaultRequest")));
            metrics.addAll(ResourceValues.each(
                    limit.getMaxLimitRequestRatio(), KEYS, Arrays.asList(type, "maxLimitRequestRatio")));
        }
        return metrics;
    }
}
