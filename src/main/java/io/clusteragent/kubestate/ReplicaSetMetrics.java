package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The replica set families, ported from kube-state-metrics' {@code internal/store/replicaset.go}. */
final class ReplicaSetMetrics {

    static final KubeStateResource<ReplicaSet> RESOURCE =
            new KubeStateResource<>("replicasets", ReplicaSet.class, ReplicaSetMetrics::families);

    private static final DefaultLabels<ReplicaSet> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "replicaset"),
            r -> Arrays.asList(r.getMetadata().getNamespace(), r.getMetadata().getName()));

    private ReplicaSetMetrics() {}

    static List<FamilyGenerator<ReplicaSet>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                stable(
                        "kube_replicaset_created",
                        "Unix creation timestamp",
                        r -> Timestamps.unixSeconds(r.getMetadata().getCreationTimestamp())),
                stable(
                        "kube_replicaset_status_replicas",
                        "The number of replicas per ReplicaSet.",
                        r -> Samples.count(status(r).getReplicas())),
                stable(
                        "kube_replicaset_status_fully_labeled_replicas",
                        "The number of fully labeled replicas per ReplicaSet.",
                        r -> Samples.count(status(r).getFullyLabeledReplicas())),
                stable(
                        "kube_replicaset_status_ready_replicas",
                        "The number of ready replicas per ReplicaSet.",
                        r -> Samples.count(status(r).getReadyReplicas())),
                FamilyGenerator.alpha(
                        "kube_replicaset_status_terminating_replicas",
                        "The number of terminating replicas per ReplicaSet.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(r -> Samples.ifSet(status(r).getTerminatingReplicas()))),
                stable(
                        "kube_replicaset_status_observed_generation",
                        "The generation observed by the ReplicaSet controller.",
                        r -> Samples.count(status(r).getObservedGeneration())),
                stable(
                        "kube_replicaset_spec_replicas",
                        "Number of desired pods for a ReplicaSet.",
                        r -> Samples.ifSet(spec(r).getReplicas())),
                stable(
                        "kube_replicaset_metadata_generation",
                        "Sequence number representing a specific generation of the desired state.",
                        r -> Samples.count(r.getMetadata().getGeneration())),
                stable("kube_replicaset_owner", "Information about the ReplicaSet's owner.", Owners::withController),
                FamilyGenerator.alpha(
                        "kube_replicaset_annotations",
                        "Kubernetes annotations converted to Prometheus labels.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(r -> PrometheusLabels.family(
                                "annotation", r.getMetadata().getAnnotations(), allowAnnotations))),
                stable(
                        "kube_replicaset_labels",
                        "Kubernetes labels converted to Prometheus labels.",
                        r -> PrometheusLabels.family("label", r.getMetadata().getLabels(), allowLabels)));
    }

    private static FamilyGenerator<ReplicaSet> stable(
            String name, String help, Function<ReplicaSet, List<Metric>> family) {
        return FamilyGenerator.stable(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static ReplicaSetStatus status(ReplicaSet replicaSet) {
        return replicaSet.getStatus() == null ? new ReplicaSetStatus() : replicaSet.getStatus();
    }

    private static ReplicaSetSpec spec(ReplicaSet replicaSet) {
        return replicaSet.getSpec() == null ? new ReplicaSetSpec() : replicaSet.getSpec();
    }
}
