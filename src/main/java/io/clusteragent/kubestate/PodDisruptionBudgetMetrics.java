package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The policy/v1 pod disruption budget families, ported from kube-state-metrics' {@code internal/store/poddisruptionbudget.go}. */
final class PodDisruptionBudgetMetrics {

    static final KubeStateResource<PodDisruptionBudget> RESOURCE = new KubeStateResource<>(
            "poddisruptionbudgets", PodDisruptionBudget.class, PodDisruptionBudgetMetrics::families);

    private static final DefaultLabels<PodDisruptionBudget> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "poddisruptionbudget"),
            p -> Arrays.asList(p.getMetadata().getNamespace(), p.getMetadata().getName()));

    private PodDisruptionBudgetMetrics() {}

    static List<FamilyGenerator<PodDisruptionBudget>> families(
            List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                alpha(
                        "kube_poddisruptionbudget_annotations",
                        "Kubernetes annotations converted to Prometheus labels.",
                        p -> PrometheusLabels.family(
                                "annotation", p.getMetadata().getAnnotations(), allowAnnotations)),
                alpha(
                        "kube_poddisruptionbudget_labels",
                        "Kubernetes labels converted to Prometheus labels.",
                        p -> PrometheusLabels.family("label", p.getMetadata().getLabels(), allowLabels)),
                stable(
                        "kube_poddisruptionbudget_created",
                        "Unix creation timestamp",
                        p -> Timestamps.unixSeconds(p.getMetadata().getCreationTimestamp())),
                stable(
                        "kube_poddisruptionbudget_status_current_healthy",
                        "Current number of healthy pods",
                        p -> Samples.count(status(p).getCurrentHealthy())),
                stable(
                        "kube_poddisruptionbudget_status_desired_healthy",
                        "Minimum desired number of healthy pods",
                        p -> Samples.count(status(p).getDesiredHealthy())),
                stable(
                        "kube_poddisruptionbudget_status_pod_disruptions_allowed",
                        "Number of pod disruptions that are currently allowed",
                        p -> Samples.count(status(p).getDisruptionsAllowed())),
                stable(
                        "kube_poddisruptionbudget_status_expected_pods",
                        "Total number of pods counted by this disruption budget",
                        p -> Samples.count(status(p).getExpectedPods())),
                stable(
                        "kube_poddisruptionbudget_status_observed_generation",
                        "Most recent generation observed when updating this PDB status",
                        p -> Samples.count(status(p).getObservedGeneration())),
                alpha(
                        "kube_poddisruptionbudget_deletion_timestamp",
                        "Unix deletion timestamp",
                        p -> Timestamps.unixSeconds(p.getMetadata().getDeletionTimestamp())));
    }

    private static FamilyGenerator<PodDisruptionBudget> stable(
            String name, String help, Function<PodDisruptionBudget, List<Metric>> family) {
        return FamilyGenerator.stable(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static FamilyGenerator<PodDisruptionBudget> alpha(
            String name, String help, Function<PodDisruptionBudget, List<Metric>> family) {
        return FamilyGenerator.alpha(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static PodDisruptionBudgetStatus status(PodDisruptionBudget budget) {
        return budget.getStatus() == null ? new PodDisruptionBudgetStatus() : budget.getStatus();
    }
}
