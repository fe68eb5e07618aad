package io.clusteragent.analysis.pods;

import io.clusteragent.quantity.PodRequests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The STATUS column of {@code kubectl get pods}, ported from kubectl's printPod
 * (k8s.io/kubernetes pkg/printers/internalversion/printers.go, 1.28+ with sidecar containers).
 *
 * <p>Operators read this text first, so the API must print exactly what kubectl prints for the same
 * object, quirks included: for instance {@code NotReady} only appears when a container has
 * {@code Completed} while another is still running and the pod is not Ready.
 */
public final class PodStatusText {

    /** The pod status reason the node lifecycle controller sets on pods of an unreachable node. */
    static final String NODE_UNREACHABLE_REASON = "NodeLost";

    private PodStatusText() {}

    public static String of(Pod pod) {
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        String phase = status.getPhase() == null ? "" : status.getPhase();
        String reason = isSet(status.getReason()) ? status.getReason() : phase;
        for (PodCondition condition : orEmpty(status.getConditions())) {
            if ("PodScheduled".equals(condition.getType()) && "SchedulingGated".equals(condition.getReason())) {
                reason = "SchedulingGated";
            }
        }

        String initReason = initContainerReason(pod, status);
        if (initReason != null) {
            reason = initReason;
        }
        if (initReason == null || hasConditionTrue(status, "Initialized")) {
            reason = appContainerReason(status, reason);
        }

        boolean deleting = pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null;
        if (deleting && NODE_UNREACHABLE_REASON.equals(status.getReason())) {
            return "Unknown";
        }
        if (deleting && !"Succeeded".equals(phase) && !"Failed".equals(phase)) {
            return "Terminating";
        }
        return reason;
    }

    /** The reason of the first init container that has not finished, or null when none is holding the pod back. */
    private static String initContainerReason(Pod pod, PodStatus status) {
        List<Container> specs =
                pod.getSpec() == null ? List.of() : orEmpty(pod.getSpec().getInitContainers());
        Map<String, Container> byName = new HashMap<>();
        specs.forEach(c -> byName.put(c.getName(), c));
        List<ContainerStatus> statuses = orEmpty(status.getInitContainerStatuses());
        for (int i = 0; i < statuses.size(); i++) {
            ContainerStatus container = statuses.get(i);
            ContainerStateTerminated terminated = terminated(container.getState());
            ContainerStateWaiting waiting = waiting(container.getState());
            Container spec = byName.get(container.getName());
            if (terminated != null && exitCode(terminated) == 0) {
                continue;
            }
            if (spec != null && PodRequests.isSidecar(spec) && Boolean.TRUE.equals(container.getStarted())) {
                continue;
            }
            if (terminated != null) {
                return "Init:" + terminationText(terminated);
            }
            if (waiting != null && isSet(waiting.getReason()) && !"PodInitializing".equals(waiting.getReason())) {
                return "Init:" + waiting.getReason();
            }
            return "Init:" + i + "/" + specs.size();
        }
        return null;
    }

    private static String appContainerReason(PodStatus status, String podReason) {
        String reason = podReason;
        boolean hasRunning = false;
        List<ContainerStatus> statuses = orEmpty(status.getContainerStatuses());
        // kubectl walks the list backwards, so the first container's state wins when several disagree.
        for (int i = statuses.size() - 1; i >= 0; i--) {
            ContainerStatus container = statuses.get(i);
            ContainerStateWaiting waiting = waiting(container.getState());
            ContainerStateTerminated terminated = terminated(container.getState());
            if (waiting != null && isSet(waiting.getReason())) {
                reason = waiting.getReason();
            } else if (terminated != null) {
                reason = terminationText(terminated);
            } else if (Boolean.TRUE.equals(container.getReady())
                    && container.getState() != null
                    && container.getState().getRunning() != null) {
                hasRunning = true;
            }
        }
        if ("Completed".equals(reason) && hasRunning) {
            reason = hasConditionTrue(status, "Ready") ? "Running" : "NotReady";
        }
        return reason;
    }

    private static String terminationText(ContainerStateTerminated terminated) {
        if (isSet(terminated.getReason())) {
            return terminated.getReason();
        }
        int signal = terminated.getSignal() == null ? 0 : terminated.getSignal();
        return signal != 0 ? "Signal:" + signal : "ExitCode:" + exitCode(terminated);
    }

    private static boolean hasConditionTrue(PodStatus status, String type) {
        for (PodCondition condition : orEmpty(status.getConditions())) {
            if (type.equals(condition.getType())) {
                return "True".equals(condition.getStatus());
            }
        }
        return false;
    }

    private static ContainerStateTerminated terminated(ContainerState state) {
        return state == null ? null : state.getTerminated();
    }

    private static ContainerStateWaiting waiting(ContainerState state) {
        return state == null ? null : state.getWaiting();
    }

    private static int exitCode(ContainerStateTerminated terminated) {
        return terminated.getExitCode() == null ? 0 : terminated.getExitCode();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
