package io.clusteragent.analysis.utilization;

import io.clusteragent.quantity.Quantities;
import io.clusteragent.quantity.PodRequests;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the pods on a node reserved, as {@code kubectl describe node} lists under "Allocated
 * resources": effective requests and limits (init containers, sidecars and overhead counted the
 * scheduler's way, through {@link PodRequests}) summed over the pods that still hold their
 * reservation, i.e. all but Succeeded and Failed ones.
 */
record Allocations(Map<String, NodeUtilization.Allocation> requests, Map<String, NodeUtilization.Allocation> limits,
        int podCount) {

    /** Always listed, even at zero, as kubectl does; other resources appear when the node offers or a pod asks for them. */
    private static final List<String> ALWAYS_LISTED = List.of(Quantities.CPU, Quantities.MEMORY, Quantities.EPHEMERAL_STORAGE);

    static Allocations of(String nodeName, List<Pod> podsOnNode, Map<String, Quantity> allocatable) {
        List<Pod> holding = podsOnNode.stream()
                .filter(pod -> pod.getSpec() != null && nodeName.equals(pod.getSpec().getNodeName()))
                .filter(Allocations::holdsResources)
                .toList();
        Map<String, Long> requested = sum(holding, PodRequests::requests);
        Map<String, Long> limited = sum(holding, PodRequests::limits);
        List<String> resources = listedResources(allocatable, requested, limited);
        return new Allocations(allocations(resources, requested, allocatable), allocations(resources, limited, allocatable),
                holding.size());
    }

    private static boolean holdsResources(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    private static Map<String, Long> sum(List<Pod> pods, Function<Pod, Map<String, Long>> perPod) {
        Map<String, Long> total = new TreeMap<>();
        pods.forEach(pod -> perPod.apply(pod).forEach((resource, amount) -> total.merge(resource, amount, Long::sum)));
        return total;
    }

    private static List<String> listedResources(Map<String, Quantity> allocatable, Map<String, Long> requested,
            Map<String, Long> limited) {
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

    private static Map<String, NodeUtilization.Allocation> allocations(List<String> resources, Map<String, Long> amounts,
            Map<String, Quantity> allocatable) {
        Map<String, NodeUtilization.Allocation> allocations = new LinkedHashMap<>();
        for (String resource : resources) {
            long amount = amounts.getOrDefault(resource, 0L);
            allocations.put(resource, new NodeUtilization.Allocation(Quantities.format(resource, amount),
                    Percentages.of(amount, Quantities.scaled(allocatable, resource))));
        }
        return allocations;
    }
}
