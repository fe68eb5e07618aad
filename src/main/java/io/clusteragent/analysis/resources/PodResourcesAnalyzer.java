package io.clusteragent.analysis.resources;

import io.clusteragent.analysis.resources.PodResources.ContainerResources;
import io.clusteragent.quantity.PodRequests;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Declared and effective resources of one pod, for {@code GET /pods/{ns}/{pod}/resources}. */
public final class PodResourcesAnalyzer {

    private PodResourcesAnalyzer() {}

    public static PodResources analyze(Pod pod) {
        PodSpec spec = pod.getSpec();
        List<ContainerResources> containers = new ArrayList<>();
        Map<String, String> overhead = Map.of();
        if (spec != null) {
            spec.getContainers().forEach(c -> containers.add(describe(c, PodResources.CONTAINER)));
            spec.getInitContainers()
                    .forEach(c -> containers.add(
                            describe(c, PodRequests.isSidecar(c) ? PodResources.SIDECAR : PodResources.INIT)));
            overhead = Quantities.format(scaled(spec.getOverhead()));
        }
        return new PodResources(containers, total(pod), overhead, QosClass.of(pod));
    }

    private static PodResources.Total total(Pod pod) {
        Map<String, Long> requests = PodRequests.requests(pod);
        Map<String, Long> limits = PodRequests.limits(pod);
        return new PodResources.Total(
                Quantities.format(Quantities.CPU, requests.getOrDefault(Quantities.CPU, 0L)),
                Quantities.format(Quantities.CPU, limits.getOrDefault(Quantities.CPU, 0L)),
                Quantities.format(Quantities.MEMORY, requests.getOrDefault(Quantities.MEMORY, 0L)),
                Quantities.format(Quantities.MEMORY, limits.getOrDefault(Quantities.MEMORY, 0L)),
                Quantities.format(requests),
                Quantities.format(limits));
    }

    private static ContainerResources describe(Container container, String type) {
        return new ContainerResources(
                container.getName(),
                type,
                Quantities.format(PodRequests.amounts(container, ResourceRequirements::getRequests)),
                Quantities.format(PodRequests.amounts(container, ResourceRequirements::getLimits)));
    }

    private static Map<String, Long> scaled(Map<String, Quantity> list) {
        Map<String, Long> amounts = new TreeMap<>();
        if (list != null) {
            list.forEach((resource, quantity) -> amounts.put(resource, Quantities.scaled(resource, quantity)));
        }
        return amounts;
    }
}
