package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** The stateful set families, ported from kube-state-metrics' {@code internal/store/statefulset.go}. */
final class StatefulSetMetrics {

    static final KubeStateResource<StatefulSet> RESOURCE =
            new KubeStateResource<>("statefulsets", StatefulSet.class, StatefulSetMetrics::families);

    private static final DefaultLabels<StatefulSet> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "statefulset"),
            s -> Arrays.asList(s.getMetadata().getNamespace(), s.getMetadata().getName()));

    private StatefulSetMetrics() {}

    static List<FamilyGenerator<StatefulSet>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                stable(
                        "kube_statefulset_created",
                        "Unix creation timestamp",
                        s -> Timestamps.unixSeconds(s.getMetadata().getCreationTimestamp())),
                stable(
                        "kube_statefulset_status_replicas",
                        "The number of replicas per StatefulSet.",
                        s -> Samples.count(status(s).getReplicas())),
                stable(
                        "kube_statefulset_status_replicas_available",
                        "The number of available replicas per StatefulSet.",
                        s -> Samples.count(status(s).getAvailableReplicas())),
                stable(
                        "kube_statefulset_status_replicas_current",
                        "The number of current replicas per StatefulSet.",
                        s -> Samples.count(status(s).getCurrentReplicas())),
                stable(
                        "kube_statefulset_status_replicas_ready",
                        "The number of ready replicas per StatefulSet.",
                        s -> Samples.count(status(s).getReadyReplicas())),
                stable(
                        "kube_statefulset_status_replicas_updated",
                        "The number of updated replicas per StatefulSet.",
                        s -> Samples.count(status(s).getUpdatedReplicas())),
                stable(
                        "kube_statefulset_status_observed_generation",
                        "The generation observed by the StatefulSet controller.",
                        s -> Samples.count(status(s).getObservedGeneration())),
                stable(
                        "kube_statefulset_replicas",
                        "Number of desired pods for a StatefulSet.",
                        s -> Samples.ifSet(spec(s).getReplicas())),
                stable(
                        "kube_statefulset_ordinals_start",
                        "Start ordinal of the StatefulSet.",
                        s -> spec(s).getOrdinals() == null
                                ? List.of()
                                : Samples.count(spec(s).getOrdinals().getStart())),
                stable(
                        "kube_statefulset_metadata_generation",
                        "Sequence number representing a specific generation of the desired state for the StatefulSet.",
                        s -> Samples.count(s.getMetadata().getGeneration())),
                stable(
                        "kube_statefulset_persistentvolumeclaim_retention_policy",
                        "Count of retention policy for StatefulSet template PVCs",
                        StatefulSetMetrics::retentionPolicy),
                stable(
                        "kube_statefulset_annotations",
                        "Kubernetes annotations converted to Prometheus labels.",
                        s -> PrometheusLabels.family(
                                "annotation", s.getMetadata().getAnnotations(), allowAnnotations)),
                stable(
                        "kube_statefulset_labels",
                        "Kubernetes labels converted to Prometheus labels.",
                        s -> PrometheusLabels.family("label", s.getMetadata().getLabels(), allowLabels)),
                stable(
                        "kube_statefulset_status_current_revision",
                        "Indicates the version of the StatefulSet used to generate Pods in the sequence "
                                + "[0,currentReplicas).",
                        s -> List.of(Metric.of("revision", status(s).getCurrentRevision(), 1))),
                stable(
                        "kube_statefulset_status_update_revision",
                        "Indicates the version of the StatefulSet used to generate Pods in the sequence "
                                + "[replicas-updatedReplicas,replicas)",
                        s -> List.of(Metric.of("revision", status(s).getUpdateRevision(), 1))),
                stable(
                        "kube_statefulset_deletion_timestamp",
                        "Unix deletion timestamp",
                        s -> Timestamps.unixSeconds(s.getMetadata().getDeletionTimestamp())));
    }

    private static FamilyGenerator<StatefulSet> stable(
            String name, String help, Function<StatefulSet, List<Metric>> family) {
        return FamilyGenerator.stable(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static StatefulSetStatus status(StatefulSet statefulSet) {
        return statefulSet.getStatus() == null ? new StatefulSetStatus() : statefulSet.getStatus();
    }

    private static StatefulSetSpec spec(StatefulSet statefulSet) {
        return statefulSet.getSpec() == null ? new StatefulSetSpec() : statefulSet.getSpec();
    }

    /** One sample when either policy is set; an unset one is the empty label value. */
    private static List<Metric> retentionPolicy(StatefulSet statefulSet) {
        StatefulSetPersistentVolumeClaimRetentionPolicy policy =
                spec(statefulSet).getPersistentVolumeClaimRetentionPolicy();
        String whenDeleted = policy == null || policy.getWhenDeleted() == null ? "" : policy.getWhenDeleted();
        String whenScaled = policy == null || policy.getWhenScaled() == null ? "" : policy.getWhenScaled();
        if (whenDeleted.isEmpty() && whenScaled.isEmpty()) {
            return Collections.emptyList();
        }
        return List.of(new Metric(List.of("when_deleted", "when_scaled"), List.of(whenDeleted, whenScaled), 1));
    }
}
