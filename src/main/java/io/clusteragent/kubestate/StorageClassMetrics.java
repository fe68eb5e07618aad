package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.storage.StorageClass;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The storageclass families, ported from kube-state-metrics' {@code internal/store/storageclass.go}. */
final class StorageClassMetrics {

    static final KubeStateResource<StorageClass> RESOURCE =
            new KubeStateResource<>("storageclasses", StorageClass.class, StorageClassMetrics::families);

    private static final DefaultLabels<StorageClass> DEFAULT_LABELS = DefaultLabels.of(
            List.of("storageclass"),
            s -> Collections.singletonList(s.getMetadata().getName()));

    private StorageClassMetrics() {}

    static List<FamilyGenerator<StorageClass>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                FamilyGenerator.stable(
                        "kube_storageclass_info",
                        "Information about storageclass.",
                        MetricType.GAUGE,
                        // Unset policy and binding mode are the API server's defaults, Delete and Immediate.
                        DEFAULT_LABELS.wrap(s -> List.of(new Metric(
                                List.of("provisioner", "reclaim_policy", "volume_binding_mode"),
                                Arrays.asList(
                                        s.getProvisioner(),
                                        Objects.requireNonNullElse(s.getReclaimPolicy(), "Delete"),
                                        Objects.requireNonNullElse(s.getVolumeBindingMode(), "Immediate")),
                                1)))),
                MetadataFamilies.created("kube_storageclass_created", Stability.STABLE, DEFAULT_LABELS),
                MetadataFamilies.annotations("kube_storageclass_annotations", DEFAULT_LABELS, allowAnnotations),
                MetadataFamilies.labels("kube_storageclass_labels", Stability.STABLE, DEFAULT_LABELS, allowLabels));
    }
}
