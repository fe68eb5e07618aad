package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.fabric8.kubernetes.api.model.NamespaceStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The namespace families, ported from kube-state-metrics' {@code internal/store/namespace.go}. */
final class NamespaceMetrics {

    static final KubeStateResource<Namespace> RESOURCE =
            new KubeStateResource<>("namespaces", Namespace.class, NamespaceMetrics::families);

    private static final DefaultLabels<Namespace> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace"), n -> Collections.singletonList(n.getMetadata().getName()));

    private NamespaceMetrics() {}

    static List<FamilyGenerator<Namespace>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                FamilyGenerator.stable(
                        "kube_namespace_created",
                        "Unix creation timestamp",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(
                                n -> Timestamps.unixSeconds(n.getMetadata().getCreationTimestamp()))),
                FamilyGenerator.alpha(
                        "kube_namespace_annotations",
                        "Kubernetes annotations converted to Prometheus labels.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(n -> PrometheusLabels.family(
                                "annotation", n.getMetadata().getAnnotations(), allowAnnotations))),
                FamilyGenerator.stable(
                        "kube_namespace_labels",
                        "Kubernetes labels converted to Prometheus labels.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(n ->
                                PrometheusLabels.family("label", n.getMetadata().getLabels(), allowLabels))),
                FamilyGenerator.stable(
                        "kube_namespace_status_phase",
                        "kubernetes namespace status phase.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(n -> List.of(
                                Metric.of("phase", "Active", Metric.bool("Active".equals(phase(n)))),
                                Metric.of("phase", "Terminating", Metric.bool("Terminating".equals(phase(n))))))),
                FamilyGenerator.alpha(
                        "kube_namespace_status_condition",
                        "The condition of a namespace.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(NamespaceMetrics::conditions)));
    }

    private static String phase(Namespace namespace) {
        NamespaceStatus status = namespace.getStatus();
        return status == null ? null : status.getPhase();
    }

    private static List<Metric> conditions(Namespace namespace) {
        NamespaceStatus status = namespace.getStatus();
        if (status == null || status.getConditions() == null) {
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>();
        for (NamespaceCondition condition : status.getConditions()) {
            metrics.addAll(Conditions.metrics(
                    List.of("condition", "status"),
                    Collections.singletonList(condition.getType()),
                    condition.getStatus()));
        }
        return metrics;
    }
}
