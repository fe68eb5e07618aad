package io.clusteragent.analysis.pods;

import io.clusteragent.quantity.PodRequests;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A pod's container statuses read once into {@link ContainerSnapshot}s, the form every analyzer and detector uses. */
public final class ContainerStates {

    private ContainerStates() {}

    /** Init containers first, in declaration order, then app containers, as the pod status lists them. */
    public static List<ContainerSnapshot> of(Pod pod) {
        if (pod.getStatus() == null) {
            return List.of();
        }
        List<ContainerStatus> init = orEmpty(pod.getStatus().getInitContainerStatuses());
        List<ContainerStatus> app = orEmpty(pod.getStatus().getContainerStatuses());
        List<ContainerSnapshot> snapshots = new ArrayList<>(init.size() + app.size());
        init.forEach(status -> snapshots.add(snapshot(pod, status, true)));
        app.forEach(status -> snapshots.add(snapshot(pod, status, false)));
        return snapshots;
    }

    /** Restarts of every container, init containers included (kubectl's RESTARTS column leaves finished init containers out). */
    public static int totalRestarts(Pod pod) {
        if (pod.getStatus() == null) {
            return 0;
        }
        return restarts(pod.getStatus().getInitContainerStatuses())
                + restarts(pod.getStatus().getContainerStatuses());
    }

    public static int totalRestarts(List<ContainerSnapshot> containers) {
        int total = 0;
        for (ContainerSnapshot container : containers) {
            total += container.restartCount();
        }
        return total;
    }

    /** The container's memory limit as kubectl prints it ({@code 256Mi}); empty when unset. */
    public static Optional<String> memoryLimit(Pod pod, String containerName) {
        return spec(pod, containerName)
                .map(c -> c.getResources() == null || c.getResources().getLimits() == null
                        ? null
                        : c.getResources().getLimits().get(Quantities.MEMORY))
                .map(q -> Quantities.formatBytes(Quantities.scaled(Quantities.MEMORY, q)));
    }

    private static ContainerSnapshot snapshot(Pod pod, ContainerStatus status, boolean init) {
        ContainerState state = status.getState();
        var waiting = state == null ? null : state.getWaiting();
        Termination current = Termination.of(state == null ? null : state.getTerminated());
        Termination last = Termination.of(
                status.getLastState() == null ? null : status.getLastState().getTerminated());
        boolean oomKilled = (current != null && current.oomKilled()) || (last != null && last.oomKilled());
        boolean sidecar =
                init && spec(pod, status.getName()).map(PodRequests::isSidecar).orElse(false);
        return new ContainerSnapshot(
                status.getName(),
                init,
                sidecar,
                status.getRestartCount() == null ? 0 : status.getRestartCount(),
                Boolean.TRUE.equals(status.getReady()),
                waiting == null
                                || waiting.getReason() == null
                                || waiting.getReason().isEmpty()
                        ? null
                        : waiting.getReason(),
                waiting == null || waiting.getMessage() == null
                        ? ""
                        : waiting.getMessage().strip(),
                current,
                last,
                // Parsing quantities costs more than the rest of the snapshot; only an OOM kill needs the limit.
                oomKilled ? memoryLimit(pod, status.getName()).orElse(null) : null);
    }

    private static Optional<Container> spec(Pod pod, String name) {
        PodSpec spec = pod.getSpec();
        if (spec == null || name == null) {
            return Optional.empty();
        }
        for (Container c : orEmpty(spec.getContainers())) {
            if (name.equals(c.getName())) {
                return Optional.of(c);
            }
        }
        for (Container c : orEmpty(spec.getInitContainers())) {
            if (name.equals(c.getName())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static int restarts(List<ContainerStatus> statuses) {
        int total = 0;
        for (ContainerStatus status : orEmpty(statuses)) {
            total += status.getRestartCount() == null ? 0 : status.getRestartCount();
        }
        return total;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
