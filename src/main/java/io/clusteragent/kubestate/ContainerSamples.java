package io.clusteragent.kubestate;

import io.clusteragent.kubestate.PodContainerMetrics.Kind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The samples of the per-container pod families ({@link PodContainerMetrics}): which containers have one, and
 * their {@code container} (and {@code reason}) labels.
 */
final class ContainerSamples {

    private static final List<String> CONTAINER = List.of("container");
    private static final List<String> CONTAINER_REASON = List.of("container", "reason");

    private ContainerSamples() {}

    /** One sample per container that has both a spec and a status, in spec order. */
    static List<Metric> info(Kind kind, Pod pod) {
        List<String> keys = new ArrayList<>(List.of("container", "image_spec", "image", "image_id", "container_id"));
        if (kind == Kind.INIT_CONTAINERS) {
            keys.add("restart_policy");
        }
        List<Metric> metrics = new ArrayList<>();
        for (Container spec : kind.specs(pod)) {
            for (ContainerStatus status : kind.statuses(pod)) {
                if (!Objects.equals(status.getName(), spec.getName())) {
                    continue;
                }
                List<String> values = new ArrayList<>(Arrays.asList(
                        status.getName(),
                        spec.getImage(),
                        status.getImage(),
                        status.getImageID(),
                        status.getContainerID()));
                if (kind == Kind.INIT_CONTAINERS) {
                    values.add(spec.getRestartPolicy());
                }
                metrics.add(new Metric(keys, values, 1));
            }
        }
        return metrics;
    }

    /** When a running or terminated container started; a waiting one has no sample. */
    static List<Metric> started(Kind kind, Pod pod) {
        List<Metric> metrics = new ArrayList<>();
        for (ContainerStatus status : kind.statuses(pod)) {
            ContainerState state = PodFields.state(status);
            if (state.getRunning() != null) {
                metrics.add(container(status, PodFields.unix(state.getRunning().getStartedAt())));
            } else if (state.getTerminated() != null) {
                metrics.add(
                        container(status, PodFields.unix(state.getTerminated().getStartedAt())));
            }
        }
        return metrics;
    }

    static List<Metric> terminatedReasons(Kind kind, Pod pod) {
        List<Metric> metrics = new ArrayList<>();
        for (ContainerStatus status : kind.statuses(pod)) {
            ContainerStateTerminated terminated = PodFields.state(status).getTerminated();
            if (terminated != null) {
                metrics.add(reason(status, terminated.getReason()));
            }
        }
        return metrics;
    }

    /** Only containers that wait have a sample: a running one has no reason to show. */
    static List<Metric> waitingReasons(Kind kind, Pod pod) {
        List<Metric> metrics = new ArrayList<>();
        for (ContainerStatus status : kind.statuses(pod)) {
            if (PodFields.state(status).getWaiting() != null) {
                metrics.add(reason(status, PodFields.state(status).getWaiting().getReason()));
            }
        }
        return metrics;
    }

    /** One sample per container that has terminated before (its {@code lastState}). */
    static List<Metric> lastTerminated(
            Kind kind, Pod pod, BiFunction<ContainerStatus, ContainerStateTerminated, Metric> sample) {
        List<Metric> metrics = new ArrayList<>();
        for (ContainerStatus status : kind.statuses(pod)) {
            ContainerStateTerminated last = PodFields.lastTerminated(status);
            if (last != null) {
                metrics.add(sample.apply(status, last));
            }
        }
        return metrics;
    }

    /** 1 for each container whose current state is the one {@code state} reads, 0 for the others. */
    static List<Metric> inState(Kind kind, Pod pod, Function<ContainerState, ?> state) {
        return each(kind, pod, cs -> container(cs, Metric.bool(state.apply(PodFields.state(cs)) != null)));
    }

    static List<Metric> each(Kind kind, Pod pod, Function<ContainerStatus, Metric> sample) {
        List<ContainerStatus> statuses = kind.statuses(pod);
        List<Metric> metrics = new ArrayList<>(statuses.size());
        for (ContainerStatus status : statuses) {
            metrics.add(sample.apply(status));
        }
        return metrics;
    }

    static Metric container(ContainerStatus status, double value) {
        return new Metric(CONTAINER, Collections.singletonList(status.getName()), value);
    }

    static Metric reason(ContainerStatus status, String reason) {
        return new Metric(CONTAINER_REASON, Arrays.asList(status.getName(), reason), 1);
    }
}
