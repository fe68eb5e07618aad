package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.util.List;
import java.util.function.Function;

import static io.clusteragent.kubestate.ContainerSamples.container;
import static io.clusteragent.kubestate.ContainerSamples.each;
import static io.clusteragent.kubestate.ContainerSamples.inState;
import static io.clusteragent.kubestate.ContainerSamples.info;
import static io.clusteragent.kubestate.ContainerSamples.lastTerminated;
import static io.clusteragent.kubestate.ContainerSamples.reason;
import static io.clusteragent.kubestate.ContainerSamples.started;
import static io.clusteragent.kubestate.ContainerSamples.terminatedReasons;
import static io.clusteragent.kubestate.ContainerSamples.waitingReasons;

/**
 * The per-container pod families, which {@code internal/store/pod.go} declares twice with the same shape: once for
 * app containers ({@code kube_pod_container_*}) and once for init containers ({@code kube_pod_init_container_*}),
 * differing in help texts, some stabilities, and the init containers' {@code restart_policy} info label.
 */
final class PodContainerMetrics {

    /** Which containers a set of families describes. */
    enum Kind {
        CONTAINERS("kube_pod_container_", PodSpec::getContainers, PodStatus::getContainerStatuses),
        INIT_CONTAINERS("kube_pod_init_container_", PodSpec::getInitContainers, PodStatus::getInitContainerStatuses);

        private final String prefix;
        private final Function<PodSpec, List<Container>> specs;
        private final Function<PodStatus, List<ContainerStatus>> statuses;

        Kind(
                String prefix,
                Function<PodSpec, List<Container>> specs,
                Function<PodStatus, List<ContainerStatus>> statuses) {
            this.prefix = prefix;
            this.specs = specs;
            this.statuses = statuses;
        }

        List<Container> specs(Pod pod) {
            return PodFields.orEmpty(specs.apply(PodFields.spec(pod)));
        }

        List<ContainerStatus> statuses(Pod pod) {
            return PodFields.orEmpty(statuses.apply(PodFields.status(pod)));
        }

        /** The help text or stability of this kind: the first for app containers, the second for init containers. */
        <V> V pick(V containers, V initContainers) {
            return this == CONTAINERS ? containers : initContainers;
        }
    }

    private PodContainerMetrics() {}

    /** The info, resource and state families of one kind of container, in kube-state-metrics' order. */
    static List<FamilyGenerator<Pod>> families(Kind kind) {
        return List.of(
                family(
                        kind,
                        "info",
                        kind.pick(
                                "Information about a container in a pod.",
                                "Information about an init container in a pod."),
                        Stability.STABLE,
                        Stability.STABLE,
                        MetricType.GAUGE,
                        pod -> info(kind, pod)),
                family(
                        kind,
                        "resource_limits",
                        kind.pick(
                                "The number of requested limit resource by a container. It is recommended to use the "
                                        + "kube_pod_resource_limits metric exposed by kube-scheduler instead, as it "
                                        + "is more precise.",
                                "The number of requested limit resource by an init container."),
                        Stability.STABLE,
                        Stability.ALPHA,
                        MetricType.GAUGE,
                        pod -> ContainerResources.limits(
                                kind.specs(pod), PodFields.spec(pod).getNodeName())),
                family(
                        kind,
                        "resource_requests",
                        kind.pick(
                                "The number of requested request resource by a container. It is recommended to use "
                                        + "the kube_pod_resource_requests metric exposed by kube-scheduler instead, "
                                        + "as it is more precise.",
                                "The number of requested request resource by an init container."),
                        Stability.STABLE,
                        Stability.ALPHA,
                        MetricType.GAUGE,
                        pod -> ContainerResources.requests(
                                kind.specs(pod), PodFields.spec(pod).getNodeName())),
                family(
                        kind,
                        "state_started",
                        kind.pick(
                                "Start time in unix timestamp for a pod container.",
                                "Start time in unix timestamp for a pod init container."),
                        Stability.STABLE,
                        Stability.ALPHA,
                        MetricType.GAUGE,
                        pod -> started(kind, pod)),
                family(
                        kind,
                        "status_last_terminated_reason",
                        kind.pick(
                                "Describes the last reason the container was in terminated state.",
                                "Describes the last reason the init container was in terminated state."),
                        Stability.ALPHA,
                        Stability.ALPHA,
                        MetricType.GAUGE,
                        pod -> lastTerminated(kind, pod, (cs, t) -> reason(cs, t.getReason()))),
                family(
                        kind,
                        "status_last_terminated_exitcode",
                        kind.pick(
                                "Describes the exit code for the last container in terminated state.",
                                "Describes the exit code for the last init container in terminated state."),
                        Stability.ALPHA,
                        Stability.ALPHA,
                        MetricType.GAUGE,
                        pod -> lastTerminated(
                                kind, pod, (cs, t) -> container(cs, t.getExitCode() == null ? 0 : t.getExitCode()))),
                family(
                        kind,
                        "status_last_terminated_timestamp",
                        kind.pick(
                                "Last terminated time for a pod container in unix timestamp.",
                                "Last terminated time for a pod init container in unix timestamp."),
                        Stability.ALPHA,
                        Stability.ALPHA,
                        MetricType.GAUGE,
                        pod -> lastTerminated(kind, pod, (cs, t) -> container(cs, PodFields.unix(t.getFinishedAt())))),
                family(
                        kind,
                        "status_ready",
                        kind.pick(
                                "Describes whether the containers readiness check succeeded.",
                                "Describes whether the init containers readiness check succeeded."),
                        Stability.STABLE,
                        Stability.STABLE,
                        MetricType.GAUGE,
                        pod -> each(kind, pod, cs -> container(cs, Metric.bool(Boolean.TRUE.equals(cs.getReady()))))),
                family(
                        kind,
                        "status_restarts_total",
                        kind.pick(
                                "The number of container restarts per container.",
                                "The number of restarts for the init container."),
                        Stability.STABLE,
                        Stability.STABLE,
                        MetricType.COUNTER,
                        pod -> each(
                                kind,
                                pod,
                                cs -> container(cs, cs.getRestartCount() == null ? 0 : cs.getRestartCount()))),
                family(
                        kind,
                        "status_running",
                        kind.pick(
                                "Describes whether the container is currently in running state.",
                                "Describes whether the init container is currently in running state."),
                        Stability.STABLE,
                        Stability.STABLE,
                        MetricType.GAUGE,
                        pod -> inState(kind, pod, ContainerState::getRunning)),
                family(
                        kind,
                        "status_terminated",
                        kind.pick(
                                "Describes whether the container is currently in terminated state.",
                                "Describes whether the init container is currently in terminated state."),
                        Stability.STABLE,
                        Stability.STABLE,
                        MetricType.GAUGE,
                        pod -> inState(kind, pod, ContainerState::getTerminated)),
                family(
                        kind,
                        "status_terminated_reason",
                        kind.pick(
                                "Describes the reason the container is currently in terminated state.",
                                "Describes the reason the init container is currently in terminated state."),
                        Stability.ALPHA,
                        Stability.ALPHA,
                        MetricType.GAUGE,
                        pod -> terminatedReasons(kind, pod)),
                family(
                        kind,
                        "status_waiting",
                        kind.pick(
                                "Describes whether the container is currently in waiting state.",
                                "Describes whether the init container is currently in waiting state."),
                        Stability.STABLE,
                        Stability.STABLE,
                        MetricType.GAUGE,
                        pod -> inState(kind, pod, ContainerState::getWaiting)),
                family(
                        kind,
                        "status_waiting_reason",
                        kind.pick(
                                "Describes the reason the container is currently in waiting state.",
                                "Describes the reason the init container is currently in waiting state."),
                        Stability.STABLE,
                        Stability.ALPHA,
                        MetricType.GAUGE,
                        pod -> waitingReasons(kind, pod)));
    }

    private static FamilyGenerator<Pod> family(
            Kind kind,
            String suffix,
            String help,
            Stability containers,
            Stability initContainers,
            MetricType type,
            Function<Pod, List<Metric>> samples) {
        return new FamilyGenerator<>(
                kind.prefix + suffix,
                help,
                type,
                kind.pick(containers, initContainers),
                "",
                false,
                PodMetrics.DEFAULT_LABELS.wrap(samples));
    }
}
