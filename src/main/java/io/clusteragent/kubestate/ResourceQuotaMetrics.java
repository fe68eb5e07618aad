package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The resourcequota families, ported from kube-state-metrics' {@code internal/store/resourcequota.go}. */
final class ResourceQuotaMetrics {

    static final KubeStateResource<ResourceQuota> RESOURCE =
            new KubeStateResource<>("resourcequotas", ResourceQuota.class, ResourceQuotaMetrics::families);

    private static final DefaultLabels<ResourceQuota> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "resourcequota"),
            r -> Arrays.asList(r.getMetadata().getNamespace(), r.getMetadata().getName()));
    private static final List<String> KEYS = List.of("resource", "type");

    private ResourceQuotaMetrics() {}

    static List<FamilyGenerator<ResourceQuota>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                MetadataFamilies.created("kube_resourcequota_created", Stability.STABLE, DEFAULT_LABELS),
                FamilyGenerator.stable(
                        "kube_resourcequota",
                        "Information about resource quota.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(ResourceQuotaMetrics::hardAndUsed)),
                MetadataFamilies.annotations("kube_resourcequota_annotations", DEFAULT_LABELS, allowAnnotations),
                MetadataFamilies.labels("kube_resourcequota_labels", Stability.STABLE, DEFAULT_LABELS, allowLabels));
    }

    /** The status' hard limits, then what is used (the spec is only what was asked for). */
    private static List<Metric> hardAndUsed(ResourceQuota quota) {
        ResourceQuotaStatus status = quota.getStatus();
        if (status == null) {
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>(ResourceValues.each(status.getHard(), KEYS, List.of("hard")));
        metrics.addAll(ResourceValues.each(status.getUsed(), KEYS, List.of("used")));
        return metrics;
    }
}
