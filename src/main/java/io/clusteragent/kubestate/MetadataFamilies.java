package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;

/**
 * The families every kube-state-metrics store builds from {@code metadata} alone, with the help texts they all
 * share: {@code _annotations}, {@code _labels}, {@code _created}, {@code _deletion_timestamp} and
 * {@code _metadata_resource_version}. Each store names the family and, where stores differ, its stability.
 */
final class MetadataFamilies {

    private MetadataFamilies() {}

    /** {@code kube_<kind>_annotations}: the allowlisted annotations; no sample without an allowlist. */
    static <T extends HasMetadata> FamilyGenerator<T> annotations(
            String name, DefaultLabels<T> defaultLabels, List<String> allowAnnotations) {
        return FamilyGenerator.alpha(
                name,
                "Kubernetes annotations converted to Prometheus labels.",
                MetricType.GAUGE,
                defaultLabels.wrap(o ->
                        PrometheusLabels.family("annotation", o.getMetadata().getAnnotations(), allowAnnotations)));
    }

    /** {@code kube_<kind>_labels}: the allowlisted labels; no sample without an allowlist. */
    static <T extends HasMetadata> FamilyGenerator<T> labels(
            String name, Stability stability, DefaultLabels<T> defaultLabels, List<String> allowLabels) {
        return new FamilyGenerator<>(
                name,
                "Kubernetes labels converted to Prometheus labels.",
                MetricType.GAUGE,
                stability,
                "",
                false,
                defaultLabels.wrap(
                        o -> PrometheusLabels.family("label", o.getMetadata().getLabels(), allowLabels)));
    }

    /** {@code kube_<kind>_created}, no sample while the creation time is unset. */
    static <T extends HasMetadata> FamilyGenerator<T> created(
            String name, Stability stability, DefaultLabels<T> defaultLabels) {
        return new FamilyGenerator<>(
                name,
                "Unix creation timestamp",
                MetricType.GAUGE,
                stability,
                "",
                false,
                defaultLabels.wrap(o -> Timestamps.unixSeconds(o.getMetadata().getCreationTimestamp())));
    }

    /** {@code kube_<kind>_deletion_timestamp}, for objects being deleted only. */
    static <T extends HasMetadata> FamilyGenerator<T> deletionTimestamp(String name, DefaultLabels<T> defaultLabels) {
        return FamilyGenerator.alpha(
                name,
                "Unix deletion timestamp",
                MetricType.GAUGE,
                defaultLabels.wrap(o -> Timestamps.unixSeconds(o.getMetadata().getDeletionTimestamp())));
    }

    /** {@code kube_<kind>_metadata_resource_version}, for numeric resource versions only. */
    static <T extends HasMetadata> FamilyGenerator<T> resourceVersion(
            String name, String help, DefaultLabels<T> defaultLabels) {
        return FamilyGenerator.alpha(
                name,
                help,
                MetricType.GAUGE,
                defaultLabels.wrap(
                        o -> SampleShapes.resourceVersion(o.getMetadata().getResourceVersion())));
    }
}
