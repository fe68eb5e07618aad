package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** The autoscaling/v2 autoscaler families, ported from kube-state-metrics' {@code internal/store/horizontalpodautoscaler.go}. */
final class HorizontalPodAutoscalerMetrics {

    static final KubeStateResource<HorizontalPodAutoscaler> RESOURCE = new KubeStateResource<>(
            "horizontalpodautoscalers", HorizontalPodAutoscaler.class, HorizontalPodAutoscalerMetrics::families);

    private static final DefaultLabels<HorizontalPodAutoscaler> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "horizontalpodautoscaler"),
            a -> Arrays.asList(a.getMetadata().getNamespace(), a.getMetadata().getName()));

    private HorizontalPodAutoscalerMetrics() {}

    static List<FamilyGenerator<HorizontalPodAutoscaler>> families(
            List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                alpha(
                        "kube_horizontalpodautoscaler_info",
                        "Information about this autoscaler.",
                        HorizontalPodAutoscalerMetrics::info),
                stable(
                        "kube_horizontalpodautoscaler_metadata_generation",
                        "The generation observed by the HorizontalPodAutoscaler controller.",
                        a -> Samples.count(a.getMetadata().getGeneration())),
                stable(
                        "kube_horizontalpodautoscaler_spec_max_replicas",
                        "Upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than "
                                + "MinReplicas.",
                        a -> Samples.count(spec(a).getMaxReplicas())),
                stable(
                        "kube_horizontalpodautoscaler_spec_min_replicas",
                        "Lower limit for the number of pods that can be set by the autoscaler, default 1.",
                        a -> Samples.count(spec(a).getMinReplicas() == null ? 1 : spec(a).getMinReplicas())),
                alpha(
                        "kube_horizontalpodautoscaler_spec_target_metric",
                        "The metric specifications used by this autoscaler when calculating the desired replica count.",
                        a -> HpaTargetMetrics.spec(spec(a).getMetrics())),
                alpha(
                        "kube_horizontalpodautoscaler_spec_behavior_scale_down_tolerance",
                        "The tolerance on the ratio between the current and desired metric value below which no scale "
                                + "down occurs.",
                        a -> tolerance(a, HorizontalPodAutoscalerBehavior::getScaleDown)),
                alpha(
                        "kube_horizontalpodautoscaler_spec_behavior_scale_up_tolerance",
                        "The tolerance on the ratio between the current and desired metric value below which no scale "
                                + "up occurs.",
                        a -> tolerance(a, HorizontalPodAutoscalerBehavior::getScaleUp)),
                stable(
                        "kube_horizontalpodautoscaler_status_target_metric",
                        "The current metric status used by this autoscaler when calculating the desired replica count.",
                        a -> HpaTargetMetrics.status(status(a).getCurrentMetrics())),
                stable(
                        "kube_horizontalpodautoscaler_status_current_replicas",
                        "Current number of replicas of pods managed by this autoscaler.",
                        a -> Samples.count(status(a).getCurrentReplicas())),
                stable(
                        "kube_horizontalpodautoscaler_status_desired_replicas",
                        "Desired number of replicas of pods managed by this autoscaler.",
                        a -> Samples.count(status(a).getDesiredReplicas())),
                alpha(
                        "kube_horizontalpodautoscaler_annotations",
                        "Kubernetes annotations converted to Prometheus labels.",
                        a -> PrometheusLabels.family(
                                "annotation", a.getMetadata().getAnnotations(), allowAnnotations)),
                stable(
                        "kube_horizontalpodautoscaler_labels",
                        "Kubernetes labels converted to Prometheus labels.",
                        a -> PrometheusLabels.family("label", a.getMetadata().getLabels(), allowLabels)),
                stable(
                        "kube_horizontalpodautoscaler_status_condition",
                        "The condition of this autoscaler.",
                        HorizontalPodAutoscalerMetrics::conditions),
                alpha(
                        "kube_horizontalpodautoscaler_created",
                        "Unix creation timestamp",
                        a -> Timestamps.unixSeconds(a.getMetadata().getCreationTimestamp())),
                alpha(
                        "kube_horizontalpodautoscaler_deletion_timestamp",
                        "Unix deletion timestamp",
                        a -> Timestamps.unixSeconds(a.getMetadata().getDeletionTimestamp())));
    }

    private static FamilyGenerator<HorizontalPodAutoscaler> stable(
            String name, String help, Function<HorizontalPodAutoscaler, List<Metric>> family) {
        return FamilyGenerator.stable(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static FamilyGenerator<HorizontalPodAutoscaler> alpha(
            String name, String help, Function<HorizontalPodAutoscaler, List<Metric>> family) {
        return FamilyGenerator.alpha(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static HorizontalPodAutoscalerSpec spec(HorizontalPodAutoscaler autoscaler) {
        return autoscaler.getSpec() == null ? new HorizontalPodAutoscalerSpec() : autoscaler.getSpec();
    }

    private static HorizontalPodAutoscalerStatus status(HorizontalPodAutoscaler autoscaler) {
        return autoscaler.getStatus() == null ? new HorizontalPodAutoscalerStatus() : autoscaler.getStatus();
    }

    /** {@code scaletargetref_api_version} leads the labels only when the reference names an API version. */
    private static List<Metric> info(HorizontalPodAutoscaler autoscaler) {
        CrossVersionObjectReference target = spec(autoscaler).getScaleTargetRef();
        if (target == null) {
            target = new CrossVersionObjectReference();
        }
        List<String> keys = new ArrayList<>(List.of("scaletargetref_kind", "scaletargetref_name"));
        List<String> values = new ArrayList<>(Arrays.asList(target.getKind(), target.getName()));
        if (target.getApiVersion() != null && !target.getApiVersion().isEmpty()) {
            keys.add(0, "scaletargetref_api_version");
            values.add(0, target.getApiVersion());
        }
        return List.of(new Metric(keys, values, 1));
    }

    private static List<Metric> tolerance(
            HorizontalPodAutoscaler autoscaler, Function<HorizontalPodAutoscalerBehavior, HPAScalingRules> direction) {
        HorizontalPodAutoscalerBehavior behavior = spec(autoscaler).getBehavior();
        HPAScalingRules rules = behavior == null ? null : direction.apply(behavior);
        if (rules == null || rules.getTolerance() == null) {
            return List.of();
        }
        // AsApproximateFloat64
        return List.of(Metric.of(Quantity.getAmountInBytes(rules.getTolerance()).doubleValue()));
    }

    private static List<Metric> conditions(HorizontalPodAutoscaler autoscaler) {
        List<HorizontalPodAutoscalerCondition> conditions = status(autoscaler).getConditions();
        if (conditions == null) {
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>();
        for (HorizontalPodAutoscalerCondition condition : conditions) {
            metrics.addAll(Conditions.metrics(
                    List.of("condition", "status"),
                    Collections.singletonList(condition.getType()),
                    condition.getStatus()));
        }
        return metrics;
    }
}
