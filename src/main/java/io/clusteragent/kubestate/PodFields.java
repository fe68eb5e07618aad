package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The parts of a pod the pod families read, with Go's zero values where fabric8 has null: kube-state-metrics reads
 * {@code p.Spec}, {@code p.Status} and a container's {@code State} as structs that are always there, so an absent
 * part behaves as an empty one, and an unset time as Go's zero {@code time.Time}.
 */
final class PodFields {

    /** {@code time.Time{}.Unix()}: what kube-state-metrics writes for a time it reads without checking. */
    static final long GO_ZERO_TIME_UNIX = -62135596800L;

    private static final PodSpec NO_SPEC = new PodSpec();
    private static final PodStatus NO_STATUS = new PodStatus();
    private static final ContainerState NO_STATE = new ContainerState();

    private PodFields() {}

    static PodSpec spec(Pod pod) {
        return pod.getSpec() == null ? NO_SPEC : pod.getSpec();
    }

    static PodStatus status(Pod pod) {
        return pod.getStatus() == null ? NO_STATUS : pod.getStatus();
    }

    static List<PodCondition> conditions(Pod pod) {
        return orEmpty(status(pod).getConditions());
    }

    /** The container's current state ({@code cs.State}). */
    static ContainerState state(ContainerStatus status) {
        return status.getState() == null ? NO_STATE : status.getState();
    }

    /** The state the container last terminated in ({@code cs.LastTerminationState.Terminated}), or null. */
    static ContainerStateTerminated lastTerminated(ContainerStatus status) {
        return status.getLastState() == null ? null : status.getLastState().getTerminated();
    }

    static <E> List<E> orEmpty(List<E> list) {
        return list == null ? List.of() : list;
    }

    /**
     * Go's {@code t.Unix()} of a Kubernetes time: whole seconds, rounding down; an unset time is Go's zero time, as
     * kube-state-metrics writes it where it does not check {@code IsZero()}.
     */
    static long unix(String time) {
        if (time == null || time.isBlank()) {
            return GO_ZERO_TIME_UNIX;
        }
        try {
            return OffsetDateTime.parse(time).toEpochSecond();
        } catch (DateTimeParseException e) {
            return GO_ZERO_TIME_UNIX;
        }
    }
}
