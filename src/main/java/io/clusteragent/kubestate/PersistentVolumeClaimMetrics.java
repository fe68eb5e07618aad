package io.clusteragent.kubestate;

import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimCondition;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The persistentvolumeclaim families, ported from kube-state-metrics' {@code internal/store/persistentvolumeclaim.go}. */
final class PersistentVolumeClaimMetrics {

    static final KubeStateResource<PersistentVolumeClaim> RESOURCE = new KubeStateResource<>(
            "persistentvolumeclaims", PersistentVolumeClaim.class, PersistentVolumeClaimMetrics::families);

    /** {@code v1.BetaStorageClassAnnotation}, which wins over {@code spec.storageClassName}. */
    static final String BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";

    private static final DefaultLabels<PersistentVolumeClaim> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "persistentvolumeclaim"),
            p -> Arrays.asList(p.getMetadata().getNamespace(), p.getMetadata().getName()));
    private static final List<String> PHASES = List.of("Lost", "Bound", "Pending");
    private static final PersistentVolumeClaimSpec NO_SPEC = new PersistentVolumeClaimSpec();
    private static final PersistentVolumeClaimStatus NO_STATUS = new PersistentVolumeClaimStatus();

    private PersistentVolumeClaimMetrics() {}

    static List<FamilyGenerator<PersistentVolumeClaim>> families(
            List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                MetadataFamilies.labels(
                        "kube_persistentvolumeclaim_labels", Stability.STABLE, DEFAULT_LABELS, allowLabels),
                MetadataFamilies.annotations(
                        "kube_persistentvolumeclaim_annotations", DEFAULT_LABELS, allowAnnotations),
                FamilyGenerator.stable(
                        "kube_persistentvolumeclaim_info",
                        "Information about persistent volume claim.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(p -> List.of(new Metric(
                                List.of("storageclass", "volumename", "volumemode"),
                                Arrays.asList(storageClass(p), spec(p).getVolumeName(), spec(p).getVolumeMode()),
                                1)))),
                FamilyGenerator.stable(
                        "kube_persistentvolumeclaim_status_phase",
                        "The phase the persistent volume claim is currently in.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(
                                p -> SampleShapes.phase(PHASES, status(p).getPhase()))),
                FamilyGenerator.stable(
                        "kube_persistentvolumeclaim_resource_requests_storage_bytes",
                        "The capacity of storage requested by the persistent volume claim.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(PersistentVolumeClaimMetrics::requestedStorage)),
                FamilyGenerator.stable(
                        "kube_persistentvolumeclaim_access_mode",
                        "The access mode(s) specified by the persistent volume claim.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(p -> SampleShapes.each(
                                spec(p).getAccessModes(), mode -> Metric.of("access_mode", mode, 1)))),
                FamilyGenerator.alpha(
                        "kube_persistentvolumeclaim_status_condition",
                        "Information about status of different conditions of persistent volume claim.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(p -> SampleShapes.conditions(
                                status(p).getConditions(),
                                PersistentVolumeClaimCondition::getType,
                                PersistentVolumeClaimCondition::getStatus))),
                MetadataFamilies.created("kube_persistentvolumeclaim_created", Stability.ALPHA, DEFAULT_LABELS),
                MetadataFamilies.deletionTimestamp("kube_persistentvolumeclaim_deletion_timestamp", DEFAULT_LABELS));
    }

    /** {@code getPersistentVolumeClaimClass}: the beta annotation first, then the spec, else none. */
    private static String storageClass(PersistentVolumeClaim claim) {
        Map<String, String> annotations = claim.getMetadata().getAnnotations();
        if (annotations != null && annotations.containsKey(BETA_STORAGE_CLASS)) {
            return annotations.get(BETA_STORAGE_CLASS);
        }
        return spec(claim).getStorageClassName();
    }

    private static List<Metric> requestedStorage(PersistentVolumeClaim claim) {
        if (spec(claim).getResources() == null || spec(claim).getResources().getRequests() == null) {
            return List.of();
        }
        Quantity storage = spec(claim).getResources().getRequests().get("storage");
        return storage == null ? List.of() : List.of(Metric.of(Quantities.scaled("storage", storage)));
    }

    private static PersistentVolumeClaimSpec spec(PersistentVolumeClaim claim) {
        return claim.getSpec() == null ? NO_SPEC : claim.getSpec();
    }

    private static PersistentVolumeClaimStatus status(PersistentVolumeClaim claim) {
        return claim.getStatus() == null ? NO_STATUS : claim.getStatus();
    }
}
