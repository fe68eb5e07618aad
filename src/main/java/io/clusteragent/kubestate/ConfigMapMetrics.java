package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.ConfigMap;

import java.util.Arrays;
import java.util.List;

/** The configmap families, ported from kube-state-metrics' {@code internal/store/configmap.go}. */
final class ConfigMapMetrics {

    static final KubeStateResource<ConfigMap> RESOURCE =
            new KubeStateResource<>("configmaps", ConfigMap.class, ConfigMapMetrics::families);

    private static final DefaultLabels<ConfigMap> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "configmap"),
            c -> Arrays.asList(c.getMetadata().getNamespace(), c.getMetadata().getName()));

    private ConfigMapMetrics() {}

    static List<FamilyGenerator<ConfigMap>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                MetadataFamilies.annotations("kube_configmap_annotations", DEFAULT_LABELS, allowAnnotations),
                MetadataFamilies.labels("kube_configmap_labels", Stability.STABLE, DEFAULT_LABELS, allowLabels),
                FamilyGenerator.stable(
                        "kube_configmap_info",
                        "Information about configmap.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(c -> List.of(Metric.of(1)))),
                MetadataFamilies.created("kube_configmap_created", Stability.STABLE, DEFAULT_LABELS),
                MetadataFamilies.resourceVersion(
                        "kube_configmap_metadata_resource_version",
                        "Resource version representing a specific version of the configmap.",
                        DEFAULT_LABELS));
    }
}
