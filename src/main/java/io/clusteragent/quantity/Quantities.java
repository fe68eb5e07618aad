package io.clusteragent.quantity;

import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource quantities in the units the scheduler compares them in: millicores for CPU, whole base
 * units (bytes, devices, pods) for everything else, both rounded up as Kubernetes does; and back to
 * the text kubectl shows.
 */
public final class Quantities {

    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
    public static final String PODS = "pods";

    private static final String[] BINARY_SUFFIXES = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final String[] DECIMAL_SUFFIXES = {"k", "M", "G", "T", "P", "E"};

    private Quantities() {}

    /** The amount of {@code resource} in scheduler units: millicores for CPU, base units otherwise. */
    public static long scaled(String resource, Quantity quantity) {
        if (quantity == null) {
            return 0;
        }
        long fast = scaledInteger(CPU.equals(resource), quantity.getAmount(), quantity.getFormat());
        if (fast >= 0) {
            return fast;
        }
        BigDecimal base = Quantity.getAmountInBytes(quantity);
        if (CPU.equals(resource)) {
            base = base.movePointRight(3);
        }
        return base.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * Whole-number amounts with a plain suffix ({@code 250m}, {@code 512Mi}, {@code 4}) are nearly all
     * quantities in a cluster; reading them without BigDecimal keeps node-wide sums cheap. Returns -1
     * for every other form (fractions, exponents, nano/micro units), which takes the exact path.
     */
    private static long scaledInteger(boolean cpu, String amount, String format) {
        if (amount == null || amount.isEmpty() || amount.length() > 15) {
            return -1;
        }
        for (int i = 0; i < amount.length(); i++) {
            if (amount.charAt(i) < '0' || amount.charAt(i) > '9') {
                return -1;
            }
        }
        long value = Long.parseLong(amount);
        long multiplier = switch (format == null ? "" : format) {
            case "" -> 1;
            case "m" -> -2;
            case "k" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            case "Pi" -> 1L << 50;
            default -> -1;
        };
        if (multiplier == -1) {
            return -1;
        }
        try {
            if (multiplier == -2) {
                // milli: exact for CPU; other resources round up to a whole unit, as Kubernetes does
                return cpu ? value : (value + 999) / 1000;
            }
            long base = Math.multiplyExact(value, multiplier);
            return cpu ? Math.multiplyExact(base, 1000L) : base;
        } catch (ArithmeticException overflow) {
            return -1;
        }
    }

    /** The value for {@code resource} in a resource list, in scheduler units; 0 when absent. */
    public static long scaled(Map<String, Quantity> resources, String resource) {
        return resources == null ? 0 : scaled(resource, resources.get(resource));
    }

    /** Formats an amount in scheduler units the way kubectl prints it ({@code 250m}, {@code 2}, {@code 512Mi}, {@code 1}). */
    public static String format(String resource, long scaledAmount) {
        if (CPU.equals(resource)) {
            return formatCpu(scaledAmount);
        }
        if (isByteResource(resource)) {
            return formatBytes(scaledAmount);
        }
        return Long.toString(scaledAmount);
    }

    /** A resource list in scheduler units as kubectl prints it, sorted by resource name. */
    public static Map<String, String> format(Map<String, Long> amounts) {
        Map<String, String> text = new TreeMap<>();
        amounts.forEach((resource, amount) -> text.put(resource, format(resource, amount)));
        return text;
    }

    public static String formatCpu(long millicores) {
        return millicores % 1000 == 0 ? Long.toString(millicores / 1000) : millicores + "m";
    }

    /** Largest exact binary suffix, else the largest exact decimal one, else plain bytes, as Kubernetes' canonical form. */
    public static String formatBytes(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        String binary = withLargestExactSuffix(bytes, 1024, BINARY_SUFFIXES);
        if (binary != null) {
            return binary;
        }
        String decimal = withLargestExactSuffix(bytes, 1000, DECIMAL_SUFFIXES);
        return decimal != null ? decimal : Long.toString(bytes);
    }

    public static boolean isByteResource(String resource) {
        return MEMORY.equals(resource) || EPHEMERAL_STORAGE.equals(resource) || resource.startsWith("hugepages-");
    }

    private static String withLargestExactSuffix(long value, long base, String[] suffixes) {
        long amount = value;
        int exponent = 0;
        while (exponent < suffixes.length && amount % base == 0) {
            amount /= base;
            exponent++;
        }
        return exponent == 0 ? null : amount + suffixes[exponent - 1];
    }
}
