package io.clusteragent.analysis.utilization;

import io.clusteragent.quantity.NodeRequests;
import io.clusteragent.quantity.PodRequests;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the pods on a node reserved, as {@code kubectl describe node} lists under "Allocated
 * resources": effective requests and limits (init containers, sidecars and overhead counted the
 * scheduler's way, through {@link PodRequests}) summed over the pods that still hold their
 * reservation, i.e. all but Succeeded and Failed ones.
 */
record Allocations(
        Map<String, NodeUtilization.Allocation> requests,
        Map<String, NodeUtilization.Allocation> limits,
        int podCount) {

    /** Always listed, even at zero, as kubectl does; other resources appear when the node offers or a pod asks for them. */
    private static final List<String> ALWAYS_LISTED =
            List.of(Quantities.CPU, Quantities.MEMORY, Quantities.EPHEMERAL_STORAGE);

    static Allocations of(String nodeName, List<Pod> podsOnNode, Map<String, Quantity> allocatable) {
        List<Pod> holding = podsOnNode.stream()
                .filter(pod ->
                        pod.getSpec() != null && nodeName.equals(pod.getSpec().getNodeName()))
                .filter(NodeRequests::holdsResources)
                .toList();
        Map<String, Long> requested = NodeRequests.of(holding).requested();
        Map<String, Long> limited = new TreeMap<>();
        holding.forEach(pod ->
                PodRequests.limits(pod).forEach((resource, amount) -> limited.merge(resource, amount, Long::sum)));
        List<String> resources = listedResources(allocatable, requested, limited);
        return new Allocations(
                allocations(resources, requested, allocatable),
                allocations(resources, limited, allocatable),
                holding.size());
    }

    private static List<String> listedResources(
            Map<String, Quantity> allocatable, Map<String, Long> requested, Map<String, Long> limited) {
        TreeSet<String> others = new TreeSet<>();
        if (allocatable != null) {
            others.addAll(allocatable.keySet());
        }
        others.addAll(requested.keySet());
        others.addAll(limited.keySet());
        others.removeAll(ALWAYS_LISTED);
        others.remove(Quantities.PODS);
        List<String> resources = new ArrayList<>(ALWAYS_LISTED);
        resources.addAll(others);
        return resources;
    }

    private static Map<String, NodeUtilization.Allocation> allocations(
            List<String> resources, Map<String, Long> amounts, Map<String, Quantity> allocatable) {
        Map<String, NodeUtilization.Allocation> allocations = new LinkedHashMap<>();
        for (String resource : resources) {
            long amount = amounts.getOrDefault(resource, 0L);
            allocations.put(
                    resource,
                    new NodeUtilization.Allocation(
                            Quantities.format(resource, amount),
                            Percentages.of(amount, Quantities.scaled(allocatable, resource))));
        }
        return allocations;
    }
}
