package io.clusteragent.kubestate;

import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The samples of {@code kube_pod_[init_]container_resource_requests} and {@code _limits}: one per container and
 * resource, labelled {@code container,node,resource,unit}, as {@code internal/store/pod.go} sorts resources into
 * units: {@code cpu} in cores, memory, storage, ephemeral storage, hugepages and attachable volumes in bytes,
 * extended resources ({@code nvidia.com/gpu}) as integers, and nothing for any other name (e.g. {@code pods},
 * {@code kubernetes.io/...}). Resources of one container come out sorted by name, where Go's map order is random.
 */
final class ContainerResources {

    private static final List<String> LABEL_KEYS = List.of("container", "node", "resource", "unit");

    private ContainerResources() {}

    static List<Metric> requests(List<Container> containers, String node) {
        return metrics(containers, node, ResourceRequirements::getRequests);
    }

    static List<Metric> limits(List<Container> containers, String node) {
        return metrics(containers, node, ResourceRequirements::getLimits);
    }

    private static List<Metric> metrics(
            List<Container> containers, String node, Function<ResourceRequirements, Map<String, Quantity>> side) {
        List<Metric> metrics = new ArrayList<>();
        for (Container container : containers) {
            Map<String, Quantity> list = container.getResources() == null ? null : side.apply(container.getResources());
            if (list == null) {
                continue;
            }
            new TreeMap<>(list).forEach((resource, quantity) -> {
                String unit = unit(resource);
                if (unit != null) {
                    double value = ResourceValues.UNIT_CORE.equals(unit) ? cores(quantity) : units(resource, quantity);
                    metrics.add(new Metric(
                            LABEL_KEYS,
                            Arrays.asList(container.getName(), node, ResourceValues.sanitized(resource), unit),
                            value));
                }
            });
        }
        return metrics;
    }

    /** The unit label of a resource, or null for a resource kube-state-metrics does not report. */
    static String unit(String resource) {
        return switch (resource) {
            case "cpu" -> ResourceValues.UNIT_CORE;
            case "memory", "storage", "ephemeral-storage" -> ResourceValues.UNIT_BYTE;
            default -> {
                if (resource.startsWith("hugepages-") || resource.startsWith("attachable-volumes-")) {
                    yield ResourceValues.UNIT_BYTE;
                }
                yield ResourceValues.isExtendedResourceName(resource) ? ResourceValues.UNIT_INTEGER : null;
            }
        };
    }

    /**
     * {@code convertValueToFloat64}: {@code MilliValue()/1000} (milli-units rounded up), or the whole value where
     * the milli-value would overflow an int64.
     */
    static double cores(Quantity quantity) {
        try {
            return Quantities.scaled(Quantities.CPU, quantity) / 1000.0;
        } catch (ArithmeticException overflow) {
            return Quantity.getAmountInBytes(quantity)
                    .setScale(0, RoundingMode.CEILING)
                    .doubleValue();
        }
    }

    /** {@code float64(val.Value())}: the amount in base units, rounded up. */
    static double units(String resource, Quantity quantity) {
        return Quantities.scaled(resource, quantity);
    }
}
