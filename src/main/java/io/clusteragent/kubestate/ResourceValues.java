package io.clusteragent.kubestate;

import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Resource quantities as the float values and {@code unit} labels kube-state-metrics writes for them
 * ({@code internal/store/utils.go} {@code convertValueToFloat64}, and the resource-name switch of the node and
 * quota families: cores for CPU, bytes for memory, storage and huge pages, integers for pods and extended
 * resources).
 */
final class ResourceValues {

    static final String UNIT_CORE = "core";
    static final String UNIT_BYTE = "byte";
    static final String UNIT_INTEGER = "integer";

    /** {@code resource.MaxMilliValue}: above it, milli-units would overflow an int64. */
    private static final long MAX_MILLI_VALUE = Long.MAX_VALUE / 1000;

    private static final Pattern INVALID_LABEL_CHAR = Pattern.compile("[^a-zA-Z0-9_]");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private ResourceValues() {}

    /**
     * {@code convertValueToFloat64}: the amount in base units with millis kept ({@code 4.3} cores, {@code 250m} as
     * {@code 0.25}), each rounded up as {@code Quantity.MilliValue()} does; whole units past the milli range.
     */
    static double value(Quantity quantity) {
        try {
            long whole = Quantities.scaled(Quantities.MEMORY, quantity);
            if (whole > MAX_MILLI_VALUE) {
                return whole;
            }
            return Quantities.scaled(Quantities.CPU, quantity) / 1000.0;
        } catch (ArithmeticException beyondLong) {
            return Quantity.getAmountInBytes(quantity).doubleValue();
        }
    }

    /**
     * One series per entry of a resource list, labelled with the resource name as it is followed by
     * {@code trailingValues} (quota {@code type}, limit-range {@code type} and {@code constraint}). Go ranges over the
     * map in random order; here the names are sorted.
     */
    static List<Metric> each(Map<String, Quantity> amounts, List<String> keys, List<String> trailingValues) {
        if (amounts == null) {
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>(amounts.size());
        new TreeMap<>(amounts).forEach((name, quantity) -> {
            List<String> values = new ArrayList<>(keys.size());
            values.add(name);
            values.addAll(trailingValues);
            metrics.add(new Metric(keys, values, quantity == null ? 0 : value(quantity)));
        });
        return metrics;
    }

    /** {@code SanitizeLabelName}: the resource name as a label value, e.g. {@code nvidia_com_gpu}. */
    static String sanitized(String resourceName) {
        return INVALID_LABEL_CHAR.matcher(resourceName).replaceAll("_");
    }

    /**
     * The {@code unit} label of a node's capacity or allocatable entry, or null when kube-state-metrics writes no
     * sample for that resource name (a prefixed native name such as {@code kubernetes.io/x}, or
     * {@code requests.*}).
     */
    static String nodeResourceUnit(String resourceName) {
        return switch (resourceName) {
            case "cpu" -> UNIT_CORE;
            case "storage", "ephemeral-storage", "memory" -> UNIT_BYTE;
            case "pods" -> UNIT_INTEGER;
            default -> {
                if (resourceName.startsWith("hugepages-") || resourceName.startsWith("attachable-volumes-")) {
                    yield UNIT_BYTE;
                }
                yield isExtendedResourceName(resourceName) ? UNIT_INTEGER : null;
            }
        };
    }

    /** {@code isExtendedResourceName}: a domain-prefixed name outside {@code kubernetes.io}, valid as a quota key. */
    static boolean isExtendedResourceName(String name) {
        boolean nativeName = !name.contains("/") || name.contains("kubernetes.io/");
        if (nativeName || name.startsWith("requests.")) {
            return false;
        }
        return isQualifiedName("requests." + name);
    }

    /** apimachinery's {@code validation.IsQualifiedName}: an optional DNS-subdomain prefix and a short name. */
    private static boolean isQualifiedName(String value) {
        String[] parts = value.split("/", -1);
        String name = parts[parts.length - 1];
        if (parts.length > 2
                || name.length() > 63
                || !QUALIFIED_NAME.matcher(name).matches()) {
            return false;
        }
        return parts.length == 1
                || (parts[0].length() <= 253 && DNS_SUBDOMAIN.matcher(parts[0]).matches());
    }
}
