package io.clusteragent.detect;

import io.clusteragent.analysis.namespace.IssueType;
import io.clusteragent.analysis.pods.ContainerSnapshot;
import io.clusteragent.analysis.pods.ContainerStates;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.function.Predicate;

/** A pod with its container statuses read once per cycle, shared by every container detector. */
public record PodContainers(Pod pod, List<ContainerSnapshot> containers) {

    public static PodContainers of(Pod pod) {
        return new PodContainers(pod, ContainerStates.of(pod));
    }

    public String namespace() {
        return pod.getMetadata().getNamespace();
    }

    public String name() {
        return pod.getMetadata().getName();
    }

    /** Containers, init containers included, matching {@code test}, in the order the status lists them. */
    public List<ContainerSnapshot> matching(Predicate<ContainerSnapshot> test) {
        return containers.stream().filter(test).toList();
    }

    /** Containers waiting with one of the reasons the namespace report files under {@code issue}: the same table, not a copy. */
    static Predicate<ContainerSnapshot> waitingWith(IssueType issue) {
        return container ->
                container.waitingReason() != null && issue.waitingReasons().contains(container.waitingReason());
    }

    /** "Container app of pod shop/web-1", "Init container migrate of pod shop/web-1". */
    String describe(ContainerSnapshot container) {
        return (container.init() ? "Init container " : "Container ") + container.name() + " of pod " + namespace() + "/"
                + name();
    }
}
