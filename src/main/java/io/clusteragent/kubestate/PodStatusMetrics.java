package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The pod families read from {@code pod.status}: phase, QoS class, conditions, reasons and their times. */
final class PodStatusMetrics {

    private static final List<String> PHASES = List.of("Pending", "Succeeded", "Failed", "Unknown", "Running");
    private static final List<String> QOS_CLASSES = List.of("BestEffort", "Burstable", "Guaranteed");
    /** {@code podStatusReasons}; any other non-empty {@code status.reason} is written as {@code Other}. */
    private static final List<String> STATUS_REASONS = List.of(
            "Evicted",
            "NodeAffinity",
            "NodeLost",
            "PreemptionByScheduler",
            "SchedulingGated",
            "Shutdown",
            "TerminationByKubelet",
            "UnexpectedAdmissionError");
    /** {@code podDisruptionConditionReasons}; any other reason of a DisruptionTarget condition is {@code Other}. */
    private static final List<String> DISRUPTION_REASONS = List.of(
            "PreemptionByScheduler",
            "DeletionByTaintManager",
            "EvictionByEvictionAPI",
            "DeletionByPodGC",
            "TerminationByKubelet");

    private static final String OTHER = "Other";

    private PodStatusMetrics() {}

    /** {@code kube_pod_completion_time}: the latest finish of a terminated container, if after 1970. */
    static FamilyGenerator<Pod> completionTime() {
        return FamilyGenerator.stable(
                "kube_pod_completion_time",
                "Completion time in unix timestamp for a pod.",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(PodStatusMetrics::completionTime));
    }

    /** The status families from {@code kube_pod_start_time} to {@code kube_pod_status_unscheduled_time}, in order. */
    static List<FamilyGenerator<Pod>> families() {
        return List.of(
                FamilyGenerator.stable(
                        "kube_pod_start_time",
                        "Start time in unix timestamp for a pod.",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(p -> PodFields.status(p).getStartTime() == null
                                ? List.of()
                                : List.of(Metric.of(
                                        PodFields.unix(PodFields.status(p).getStartTime()))))),
                FamilyGenerator.stable(
                        "kube_pod_status_phase",
                        "The pods current phase.",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(
                                p -> oneOf("phase", PHASES, PodFields.status(p).getPhase()))),
                FamilyGenerator.alpha(
                        "kube_pod_status_qos_class",
                        "The pods current qosClass.",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(p -> oneOf(
                                "qos_class", QOS_CLASSES, PodFields.status(p).getQosClass()))),
                FamilyGenerator.stable(
                        "kube_pod_status_ready",
                        "Describes whether the pod is ready to serve requests.",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(p -> conditionStatus(p, "Ready"))),
                FamilyGenerator.alpha(
                        "kube_pod_status_ready_time",
                        "Readiness achieved time in unix timestamp for a pod.",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(p -> transitionTimes(p, "Ready", "True"))),
                FamilyGenerator.alpha(
                        "kube_pod_status_initialized_time",
                        "Initialized time in unix timestamp for a pod.",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(p -> transitionTimes(p, "Initialized", "True"))),
                FamilyGenerator.alpha(
                        "kube_pod_status_container_ready_time",
                        "Readiness achieved time in unix timestamp for a pod containers.",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(p -> transitionTimes(p, "ContainersReady", "True"))),
                FamilyGenerator.alpha(
                        "kube_pod_status_reason",
                        "The pod status reasons",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(PodStatusMetrics::reasons)),
                FamilyGenerator.alpha(
                        "kube_pod_status_disruption_reason",
                        "The pod disruption condition reason",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(PodStatusMetrics::disruptionReasons)),
                FamilyGenerator.stable(
                        "kube_pod_status_scheduled",
                        "Describes the status of the scheduling process for the pod.",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(p -> conditionStatus(p, "PodScheduled"))),
                FamilyGenerator.stable(
                        "kube_pod_status_scheduled_time",
                        "Unix timestamp when pod moved into scheduled status",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(p -> transitionTimes(p, "PodScheduled", "True"))),
                FamilyGenerator.stable(
                        "kube_pod_status_unschedulable",
                        "Describes the unschedulable status for the pod.",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(
                                p -> perCondition(p, "PodScheduled", "False", c -> Metric.of(1)))),
                FamilyGenerator.alpha(
                        "kube_pod_status_unscheduled_time",
                        "Unix timestamp when pod moved into unscheduled status",
                        MetricType.GAUGE,
                        PodMetrics.DEFAULT_LABELS.wrap(p -> transitionTimes(p, "PodScheduled", "False"))));
    }

    private static List<Metric> completionTime(Pod pod) {
        double lastFinish = 0;
        for (ContainerStatus status : PodFields.orEmpty(PodFields.status(pod).getContainerStatuses())) {
            ContainerStateTerminated terminated = PodFields.state(status).getTerminated();
            if (terminated != null) {
                double finished = PodFields.unix(terminated.getFinishedAt());
                if (lastFinish == 0 || lastFinish < finished) {
                    lastFinish = finished;
                }
            }
        }
        return lastFinish > 0 ? List.of(Metric.of(lastFinish)) : List.of();
    }

    /** One sample per known value, 1 on the current one; none when the value is unset. */
    private static List<Metric> oneOf(String key, List<String> known, String current) {
        if (current == null || current.isEmpty()) {
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>(known.size());
        for (String value : known) {
            metrics.add(Metric.of(key, value, Metric.bool(value.equals(current))));
        }
        return metrics;
    }

    /** Three samples ({@code condition} = true, false, unknown) per condition of the type. */
    private static List<Metric> conditionStatus(Pod pod, String type) {
        List<Metric> metrics = new ArrayList<>();
        for (PodCondition condition : PodFields.conditions(pod)) {
            if (type.equals(condition.getType())) {
                metrics.addAll(Conditions.metrics(List.of("condition"), List.of(), condition.getStatus()));
            }
        }
        return metrics;
    }

    private static List<Metric> transitionTimes(Pod pod, String type, String status) {
        return perCondition(pod, type, status, c -> Metric.of(PodFields.unix(c.getLastTransitionTime())));
    }

    private static List<Metric> perCondition(Pod pod, String type, String status, Function<PodCondition, Metric> f) {
        List<Metric> metrics = new ArrayList<>();
        for (PodCondition condition : PodFields.conditions(pod)) {
            if (type.equals(condition.getType()) && status.equals(condition.getStatus())) {
                metrics.add(f.apply(condition));
            }
        }
        return metrics;
    }

    private static List<Metric> reasons(Pod pod) {
        List<Metric> metrics = new ArrayList<>();
        for (String reason : STATUS_REASONS) {
            if (hasReason(pod, reason)) {
                metrics.add(Metric.of("reason", reason, 1));
            }
        }
        String statusReason = PodFields.status(pod).getReason();
        if (statusReason != null && !statusReason.isEmpty() && !STATUS_REASONS.contains(statusReason)) {
            metrics.add(Metric.of("reason", OTHER, 1));
        }
        return metrics;
    }

    /** {@code hasPodStatusReason}: the pod's reason, a condition's, or a terminated container's. */
    private static boolean hasReason(Pod pod, String reason) {
        PodStatus status = PodFields.status(pod);
        if (reason.equals(status.getReason())) {
            return true;
        }
        for (PodCondition condition : PodFields.conditions(pod)) {
            if (reason.equals(condition.getReason())) {
                return true;
            }
        }
        for (ContainerStatus container : PodFields.orEmpty(status.getContainerStatuses())) {
            ContainerStateTerminated terminated = PodFields.state(container).getTerminated();
            if (terminated != null && reason.equals(terminated.getReason())) {
                return true;
            }
        }
        return false;
    }

    private static List<Metric> disruptionReasons(Pod pod) {
        List<Metric> metrics = new ArrayList<>();
        for (PodCondition condition : PodFields.conditions(pod)) {
            if ("DisruptionTarget".equals(condition.getType())) {
                String reason = Objects.requireNonNullElse(condition.getReason(), "");
                metrics.add(Metric.of("reason", DISRUPTION_REASONS.contains(reason) ? reason : OTHER, 1));
            }
        }
        return metrics;
    }
}
