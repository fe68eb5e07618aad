package io.clusteragent.analysis.scheduling;

import io.clusteragent.analysis.resources.NodeAllocation;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.quantity.PodRequests;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Why a scheduled pod's node fits it, checked against the node as it is now. A constraint that no
 * longer holds (a taint or label changed after scheduling) is said so rather than hidden.
 */
final class PlacementExplanation {

    private PlacementExplanation() {}

    static List<String> reasons(Pod pod, Optional<Node> found, ClusterState state) {
        if (found.isEmpty()) {
            return List.of(
                    "node " + pod.getSpec().getNodeName() + " is not in the cluster state (it may have been deleted)");
        }
        Node node = found.get();
        List<String> reasons = new ArrayList<>();
        List<NodeProblem> affinityProblems = new NodeAffinityCheck(pod).evaluate(node);
        if (!pod.getSpec().getNodeSelector().isEmpty() && affinityProblems.isEmpty()) {
            reasons.add("Node matched all node selectors: "
                    + new TreeMap<>(pod.getSpec().getNodeSelector()));
        }
        if (NodeAffinityCheck.requiredTerms(pod) != null && affinityProblems.isEmpty()) {
            reasons.add("Node " + node.getMetadata().getName() + " matched required node affinity");
        }
        affinityProblems.forEach(p -> reasons.add("No longer holds: " + p.reason()));
        if (hasPreferredNodeAffinity(pod)) {
            reasons.add("Pod has preferred node affinity (a scoring preference, not a requirement)");
        }
        reasons.add(taintReason(pod, node));
        TaintCheck.untolerated(pod, node)
                .forEach(
                        t -> reasons.add("Node now has a taint the pod does not tolerate: " + Tolerations.describe(t)));
        if (!PodAffinityTerms.requiredAffinity(pod).isEmpty()
                || !PodAffinityTerms.requiredAntiAffinity(pod).isEmpty()) {
            reasons.add("Required pod affinity/anti-affinity was satisfied when the pod was scheduled");
        }
        reasons.add(resourceReason(pod, node, state));
        return reasons;
    }

    private static String taintReason(Pod pod, Node node) {
        List<String> tolerated = TaintCheck.taints(node).stream()
                .filter(Tolerations::filters)
                .filter(t -> Tolerations.tolerated(pod, t))
                .map(Tolerations::describe)
                .toList();
        if (!tolerated.isEmpty()) {
            return "Pod tolerates node taints: " + String.join(", ", tolerated);
        }
        return TaintCheck.taints(node).stream().noneMatch(Tolerations::filters)
                ? "Node has no NoSchedule/NoExecute taints"
                : "Pod tolerates none of the node's taints";
    }

    /** Requests of every pod on the node, this one included, against allocatable: {@code CPU: 2/4 cores, Memory: 4Gi/8Gi}. */
    private static String resourceReason(Pod pod, Node node, ClusterState state) {
        NodeAllocation allocation =
                NodeAllocation.of(node, state.requestedOn(node.getMetadata().getName()), null);
        List<String> parts = new ArrayList<>();
        parts.add("CPU: " + cores(allocation.requested(Quantities.CPU)) + "/"
                + cores(allocation.allocatable(Quantities.CPU)) + " cores");
        parts.add("Memory: " + ratio(allocation, Quantities.MEMORY));
        for (Map.Entry<String, Long> request : PodRequests.requests(pod).entrySet()) {
            String resource = request.getKey();
            if (request.getValue() > 0 && !Quantities.CPU.equals(resource) && !Quantities.MEMORY.equals(resource)) {
                parts.add(resource + ": " + ratio(allocation, resource));
            }
        }
        parts.add("Pods: " + allocation.pods() + "/" + allocation.allocatable(Quantities.PODS));
        boolean overcommitted = allocation.requested().keySet().stream().anyMatch(r -> allocation.available(r) < 0);
        String verdict = overcommitted ? "Node requests now exceed allocatable" : "Node has sufficient resources";
        return verdict + " (" + String.join(", ", parts) + ")";
    }

    private static String ratio(NodeAllocation allocation, String resource) {
        return Quantities.format(resource, allocation.requested(resource)) + "/"
                + Quantities.format(resource, allocation.allocatable(resource));
    }

    private static String cores(long millicores) {
        return BigDecimal.valueOf(millicores, 3).stripTrailingZeros().toPlainString();
    }

    private static boolean hasPreferredNodeAffinity(Pod pod) {
        var affinity = pod.getSpec().getAffinity();
        return affinity != null
                && affinity.getNodeAffinity() != null
                && !affinity.getNodeAffinity()
                        .getPreferredDuringSchedulingIgnoredDuringExecution()
                        .isEmpty();
    }
}
