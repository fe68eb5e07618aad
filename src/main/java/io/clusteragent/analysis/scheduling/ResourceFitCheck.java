package io.clusteragent.analysis.scheduling;

import io.clusteragent.analysis.resources.NodeAllocation;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.quantity.PodRequests;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kube-scheduler's NodeResourcesFit: for every resource the pod requests (cpu, memory,
 * ephemeral-storage, extended resources), the effective request must fit in allocatable minus what
 * the pods already bound to the node request; and the node must have room for one more pod.
 */
final class ResourceFitCheck implements NodeCheck {

    private final Pod pod;
    private final ClusterState state;
    private final Map<String, Long> requests = new TreeMap<>();
    /** Per requested resource, the category of a shortage: classified once per pod, not once per node. */
    private final Map<String, SchedulingFailureCategory> shortageCategories = new TreeMap<>();

    ResourceFitCheck(Pod pod, ClusterState state) {
        this.pod = pod;
        this.state = state;
        PodRequests.requests(pod).forEach((resource, amount) -> {
            if (amount > 0 && !Quantities.PODS.equals(resource)) {
                requests.put(resource, amount);
                shortageCategories.put(resource, SchedulerReasonPattern.categoryOf("Insufficient " + resource));
            }
        });
    }

    @Override
    public List<NodeProblem> evaluate(Node node) {
        NodeAllocation allocation =
                NodeAllocation.of(node, state.requestedOn(node.getMetadata().getName()), pod);
        List<NodeProblem> problems = new ArrayList<>();
        // A node without a pods entry in allocatable has not finished registering; its pod limit is unknown, not zero.
        if (allocation.allocatable().containsKey(Quantities.PODS)
                && allocation.pods() + 1 > allocation.allocatable(Quantities.PODS)) {
            problems.add(new NodeProblem(
                    SchedulingFailureCategory.TooManyPods,
                    "too many pods",
                    "too many pods (running: " + allocation.pods() + ", allocatable: "
                            + allocation.allocatable(Quantities.PODS) + ")"));
        }
        requests.forEach((resource, requested) -> {
            if (requested > allocation.available(resource)) {
                problems.add(shortage(resource, requested, allocation));
            }
        });
        return problems;
    }

    private NodeProblem shortage(String resource, long requested, NodeAllocation allocation) {
        String reason = "insufficient " + resource;
        String detail = reason + " (requested: " + Quantities.format(resource, requested)
                + ", available: " + Quantities.format(resource, Math.max(0, allocation.available(resource)))
                + ", allocatable: " + Quantities.format(resource, allocation.allocatable(resource)) + ")";
        return new NodeProblem(shortageCategories.get(resource), reason, detail);
    }
}
