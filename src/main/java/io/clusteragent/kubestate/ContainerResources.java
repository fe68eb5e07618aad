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
import java.util.regex.Pattern;

/**
 * The samples of {@code kube_pod_[init_]container_resource_requests} and {@code _limits}: one per container and
 * resource, labelled {@code container,node,resource,unit}, as {@code internal/store/pod.go} sorts resources into
 * units: {@code cpu} in cores, memory, storage, ephemeral storage, hugepages and attachable volumes in bytes,
 * extended resources ({@code nvidia.com/gpu}) as integers, and nothing for any other name (e.g. {@code pods},
 * {@code kubernetes.io/...}). Resources of one container come out sorted by name, where Go's map order is random.
 */
final class ContainerResources {

    private static final List<String> LABEL_KEYS = List.of("container", "node", "resource", "unit");
    private static final String CORE = "core";
    private static final String BYTE = "byte";
    private static final String INTEGER = "integer";
    private static final String REQUESTS_PREFIX = "requests.";
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

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
                    double value = CORE.equals(unit) ? cores(quantity) : units(resource, quantity);
                    metrics.add(new Metric(
                            LABEL_KEYS, Arrays.asList(container.getName(), node, sanitize(resource), unit), value));
                }
            });
        }
        return metrics;
    }

    /** The unit label of a resource, or null for a resource kube-state-metrics does not report. */
    static String unit(String resource) {
        return switch (resource) {
            case "cpu" -> CORE;
            case "memory", "storage", "ephemeral-storage" -> BYTE;
            default -> {
                if (resource.startsWith("hugepages-") || resource.startsWith("attachable-volumes-")) {
                    yield BYTE;
                }
                yield isExtended(resource) ? INTEGER : null;
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

    /** {@code SanitizeLabelName}: every character outside {@code [a-zA-Z0-9_]} becomes {@code _}. */
    private static String sanitize(String resource) {
        StringBuilder sanitized = new StringBuilder(resource.length());
        for (int i = 0; i < resource.length(); i++) {
            char c = resource.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            sanitized.append(valid ? c : '_');
        }
        return sanitized.toString();
    }

    /**
     * {@code isExtendedResourceName}: a domain-prefixed name outside {@code kubernetes.io/} that, behind the
     * {@code requests.} quota prefix, is still a qualified name.
     */
    private static boolean isExtended(String resource) {
        boolean nativeResource = !resource.contains("/") || resource.contains("kubernetes.io/");
        if (nativeResource || resource.startsWith(REQUESTS_PREFIX)) {
            return false;
        }
        return isQualifiedName(REQUESTS_PREFIX + resource);
    }

    /** {@code validation.IsQualifiedName}: an optional DNS-1123 subdomain prefix and a name of at most 63. */
    private static boolean isQualifiedName(String value) {
        String[] parts = value.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            if (prefix.isEmpty()
                    || prefix.length() > 253
                    || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
                return false;
            }
            name = parts[1];
        } else {
            return false;
        }
        return !name.isEmpty()
                && name.length() <= 63
                && QUALIFIED_NAME.matcher(name).matches();
    }
}
