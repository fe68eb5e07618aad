package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Secret;

import java.util.Arrays;
import java.util.List;

/**
 * The secret families, ported from kube-state-metrics' {@code internal/store/secret.go}. They read only metadata
 * and {@code type}, never the data (which the cluster does not even deliver for secrets).
 */
final class SecretMetrics {

    static final KubeStateResource<Secret> RESOURCE =
            new KubeStateResource<>("secrets", Secret.class, SecretMetrics::families);

    private static final DefaultLabels<Secret> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "secret"),
            s -> Arrays.asList(s.getMetadata().getNamespace(), s.getMetadata().getName()));

    private SecretMetrics() {}

    static List<FamilyGenerator<Secret>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                FamilyGenerator.stable(
                        "kube_secret_info",
                        "Information about secret.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(s -> List.of(Metric.of(1)))),
                FamilyGenerator.stable(
                        "kube_secret_type",
                        "Type about secret.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(s -> List.of(Metric.of("type", s.getType(), 1)))),
                MetadataFamilies.annotations("kube_secret_annotations", DEFAULT_LABELS, allowAnnotations),
                MetadataFamilies.labels("kube_secret_labels", Stability.STABLE, DEFAULT_LABELS, allowLabels),
                MetadataFamilies.created("kube_secret_created", Stability.STABLE, DEFAULT_LABELS),
                MetadataFamilies.resourceVersion(
                        "kube_secret_metadata_resource_version",
                        "Resource version representing a specific version of secret.",
                        DEFAULT_LABELS),
                FamilyGenerator.alpha(
                        "kube_secret_owner",
                        "Information about the Secret's owner.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(Owners::withController)));
    }
}
