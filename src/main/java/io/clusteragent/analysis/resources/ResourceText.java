package io.clusteragent.analysis.resources;

import io.clusteragent.quantity.Quantities;

import java.util.Map;
import java.util.TreeMap;

/** Resource lists in scheduler units turned into the text kubectl prints, sorted by resource name. */
public final class ResourceText {

    private ResourceText() {
    }

    public static Map<String, String> format(Map<String, Long> amounts) {
        Map<String, String> text = new TreeMap<>();
        amounts.forEach((resource, amount) -> text.put(resource, Quantities.format(resource, amount)));
        return text;
    }

    /** The amount of {@code resource} as kubectl prints it, {@code "0"} when absent. */
    public static String format(Map<String, Long> amounts, String resource) {
        return Quantities.format(resource, amounts.getOrDefault(resource, 0L));
    }
}
