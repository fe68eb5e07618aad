package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The daemon set families, ported from kube-state-metrics' {@code internal/store/daemonset.go}. */
final class DaemonSetMetrics {

    static final KubeStateResource<DaemonSet> RESOURCE =
            new KubeStateResource<>("daemonsets", DaemonSet.class, DaemonSetMetrics::families);

    private static final DefaultLabels<DaemonSet> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "daemonset"),
            d -> Arrays.asList(d.getMetadata().getNamespace(), d.getMetadata().getName()));

    private DaemonSetMetrics() {}

    static List<FamilyGenerator<DaemonSet>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                stable(
                        "kube_daemonset_created",
                        "Unix creation timestamp",
                        d -> Timestamps.unixSeconds(d.getMetadata().getCreationTimestamp())),
                stable(
                        "kube_daemonset_status_current_number_scheduled",
                        "The number of nodes running at least one daemon pod and are supposed to.",
                        d -> Samples.count(status(d).getCurrentNumberScheduled())),
                stable(
                        "kube_daemonset_status_desired_number_scheduled",
                        "The number of nodes that should be running the daemon pod.",
                        d -> Samples.count(status(d).getDesiredNumberScheduled())),
                stable(
                        "kube_daemonset_status_number_available",
                        "The number of nodes that should be running the daemon pod and have one or more of the daemon "
                                + "pod running and available",
                        d -> Samples.count(status(d).getNumberAvailable())),
                stable(
                        "kube_daemonset_status_number_misscheduled",
                        "The number of nodes running a daemon pod but are not supposed to.",
                        d -> Samples.count(status(d).getNumberMisscheduled())),
                stable(
                        "kube_daemonset_status_number_ready",
                        "The number of nodes that should be running the daemon pod and have one or more of the daemon "
                                + "pod running and ready.",
                        d -> Samples.count(status(d).getNumberReady())),
                stable(
                        "kube_daemonset_status_number_unavailable",
                        "The number of nodes that should be running the daemon pod and have none of the daemon pod "
                                + "running and available",
                        d -> Samples.count(status(d).getNumberUnavailable())),
                stable(
                        "kube_daemonset_status_observed_generation",
                        "The most recent generation observed by the daemon set controller.",
                        d -> Samples.count(status(d).getObservedGeneration())),
                stable(
                        "kube_daemonset_status_updated_number_scheduled",
                        "The total number of nodes that are running updated daemon pod",
                        d -> Samples.count(status(d).getUpdatedNumberScheduled())),
                stable(
                        "kube_daemonset_metadata_generation",
                        "Sequence number representing a specific generation of the desired state.",
                        d -> Samples.count(d.getMetadata().getGeneration())),
                FamilyGenerator.alpha(
                        "kube_daemonset_deletion_timestamp",
                        "Unix deletion timestamp",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(
                                d -> Timestamps.unixSeconds(d.getMetadata().getDeletionTimestamp()))),
                FamilyGenerator.alpha(
                        "kube_daemonset_annotations",
                        "Kubernetes annotations converted to Prometheus labels.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(d -> PrometheusLabels.family(
                                "annotation", d.getMetadata().getAnnotations(), allowAnnotations))),
                stable(
                        "kube_daemonset_labels",
                        "Kubernetes labels converted to Prometheus labels.",
                        d -> PrometheusLabels.family("label", d.getMetadata().getLabels(), allowLabels)));
    }

    private static FamilyGenerator<DaemonSet> stable(
            String name, String help, Function<DaemonSet, List<Metric>> family) {
        return FamilyGenerator.stable(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static DaemonSetStatus status(DaemonSet daemonSet) {
        return daemonSet.getStatus() == null ? new DaemonSetStatus() : daemonSet.getStatus();
    }
}
