package io.clusteragent.analysis.resources;

import io.clusteragent.quantity.NodeRequests;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a node offers and what the pods bound to it already reserve, as kube-scheduler's NodeResourcesFit
 * sees it: allocatable (not capacity) minus the effective requests of every non-terminal pod there.
 * Amounts are in scheduler units; {@code pods} counts pods, not a resource request.
 */
public record NodeAllocation(String nodeName, Map<String, Long> allocatable, Map<String, Long> requested, int pods) {

    /**
     * @param onNode   what the pods bound to the node reserve ({@code ClusterState.requestedOn})
     * @param excluded the pod being evaluated, never counted against its own node; may be null
     */
    public static NodeAllocation of(Node node, NodeRequests onNode, Pod excluded) {
        Map<String, Long> allocatable = new TreeMap<>();
        if (node.getStatus() != null && node.getStatus().getAllocatable() != null) {
            node.getStatus()
                    .getAllocatable()
                    .forEach((resource, q) -> allocatable.put(resource, Quantities.scaled(resource, q)));
        }
        String nodeName = node.getMetadata().getName();
        NodeRequests others = excluded != null
                        && excluded.getSpec() != null
                        && nodeName.equals(excluded.getSpec().getNodeName())
                ? onNode.without(excluded)
                : onNode;
        return new NodeAllocation(nodeName, allocatable, others.requested(), others.pods());
    }

    /** Pods that hold resources on a node: the scheduler forgets Succeeded and Failed pods. */
    public static List<Pod> activePods(List<Pod> podsOnNode, Pod excluded) {
        return podsOnNode.stream()
                .filter(NodeRequests::holdsResources)
                .filter(p -> excluded == null || !samePod(p, excluded))
                .toList();
    }

    public static boolean samePod(Pod a, Pod b) {
        String uidA = a.getMetadata().getUid();
        String uidB = b.getMetadata().getUid();
        if (uidA != null && uidB != null) {
            return uidA.equals(uidB);
        }
        return Objects.equals(a.getMetadata().getNamespace(), b.getMetadata().getNamespace())
                && Objects.equals(a.getMetadata().getName(), b.getMetadata().getName());
    }

    public long allocatable(String resource) {
        return allocatable.getOrDefault(resource, 0L);
    }

    public long requested(String resource) {
        return requested.getOrDefault(resource, 0L);
    }

    /** What is left for a new pod; negative when the node is already overcommitted (static pods, races). */
    public long available(String resource) {
        return allocatable(resource) - requested(resource);
    }
}
