package io.clusteragent.quantity;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A pod's effective requests and limits, computed as kube-scheduler does (k8s.io/component-helpers
 * resource.PodRequests): app containers and restartable (sidecar) init containers run together,
 * while each regular init container runs alone beside the sidecars started before it; the pod
 * needs the larger of the two, plus its runtime overhead.
 *
 * <p>Amounts are in scheduler units (see {@link Quantities#scaled(String, Quantity)}), keyed by resource name.
 */
public final class PodRequests {

    private PodRequests() {}

    public static Map<String, Long> requests(Pod pod) {
        return effective(pod, ResourceRequirements::getRequests, true);
    }

    public static Map<String, Long> limits(Pod pod) {
        // Overhead only raises a limit that exists: an unset limit stays unbounded.
        return effective(pod, ResourceRequirements::getLimits, false);
    }

    public static boolean isSidecar(Container initContainer) {
        return "Always".equals(initContainer.getRestartPolicy());
    }

    public static Map<String, Long> amounts(
            Container container, Function<ResourceRequirements, Map<String, Quantity>> side) {
        Map<String, Long> amounts = new TreeMap<>();
        ResourceRequirements resources = container.getResources();
        Map<String, Quantity> list = resources == null ? null : side.apply(resources);
        if (list != null) {
            list.forEach((resource, quantity) -> amounts.put(resource, Quantities.scaled(resource, quantity)));
        }
        return amounts;
    }

    private static Map<String, Long> effective(
            Pod pod, Function<ResourceRequirements, Map<String, Quantity>> side, boolean overheadAddsResources) {
        PodSpec spec = pod.getSpec();
        Map<String, Long> running = new TreeMap<>();
        if (spec == null) {
            return running;
        }
        spec.getContainers().forEach(c -> addAll(running, amounts(c, side)));

        Map<String, Long> sidecarsSoFar = new TreeMap<>();
        Map<String, Long> initPeak = new TreeMap<>();
        for (Container init : spec.getInitContainers()) {
            Map<String, Long> own = amounts(init, side);
            Map<String, Long> whileRunning;
            if (isSidecar(init)) {
                addAll(running, own);
                addAll(sidecarsSoFar, own);
                whileRunning = new TreeMap<>(sidecarsSoFar);
            } else {
                whileRunning = new TreeMap<>(own);
                addAll(whileRunning, sidecarsSoFar);
            }
            whileRunning.forEach((resource, amount) -> initPeak.merge(resource, amount, Math::max));
        }
        initPeak.forEach((resource, amount) -> running.merge(resource, amount, Math::max));

        if (spec.getOverhead() != null) {
            spec.getOverhead().forEach((resource, quantity) -> {
                if (overheadAddsResources || running.containsKey(resource)) {
                    running.merge(resource, Quantities.scaled(resource, quantity), Long::sum);
                }
            });
        }
        return running;
    }

    private static void addAll(Map<String, Long> into, Map<String, Long> amounts) {
        amounts.forEach((resource, amount) -> into.merge(resource, amount, Long::sum));
    }
}
