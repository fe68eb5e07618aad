package io.clusteragent.analysis.resources;

import io.clusteragent.quantity.PodRequests;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pod's QoS class as Kubernetes computes it (GetPodQOS):
 * only cpu and memory count, over app and init containers alike.
 */
public final class QosClass {

    public static final String GUARANTEED = "Guaranteed";
    public static final String BURSTABLE = "Burstable";
    public static final String BEST_EFFORT = "BestEffort";

    private static final Set<String> QOS_RESOURCES = Set.of(Quantities.CPU, Quantities.MEMORY);

    private QosClass() {}

    /** The class the API server recorded, or the computed one for pods that have no status yet. */
    public static String of(Pod pod) {
        String recorded = pod.getStatus() == null ? null : pod.getStatus().getQosClass();
        return recorded == null || recorded.isEmpty() ? compute(pod) : recorded;
    }

    public static String compute(Pod pod) {
        Map<String, Long> requests = new HashMap<>();
        Map<String, Long> limits = new HashMap<>();
        boolean guaranteed = true;
        for (Container container : containers(pod)) {
            Map<String, Long> ownLimits = positive(PodRequests.amounts(container, ResourceRequirements::getLimits));
            // The API server defaults a missing request to its limit; pods built elsewhere may lack that step.
            Map<String, Long> ownRequests = new HashMap<>(ownLimits);
            ownRequests.putAll(positive(PodRequests.amounts(container, ResourceRequirements::getRequests)));
            ownRequests.forEach((resource, amount) -> requests.merge(resource, amount, Long::sum));
            ownLimits.forEach((resource, amount) -> limits.merge(resource, amount, Long::sum));
            guaranteed &= ownLimits.keySet().containsAll(QOS_RESOURCES);
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return BEST_EFFORT;
        }
        guaranteed &= requests.equals(limits);
        return guaranteed ? GUARANTEED : BURSTABLE;
    }

    private static List<Container> containers(Pod pod) {
        List<Container> all = new ArrayList<>();
        if (pod.getSpec() != null) {
            all.addAll(pod.getSpec().getContainers());
            all.addAll(pod.getSpec().getInitContainers());
        }
        return all;
    }

    private static Map<String, Long> positive(Map<String, Long> amounts) {
        Map<String, Long> kept = new HashMap<>();
        amounts.forEach((resource, amount) -> {
            if (QOS_RESOURCES.contains(resource) && amount > 0) {
                kept.put(resource, amount);
            }
        });
        return kept;
    }
}
