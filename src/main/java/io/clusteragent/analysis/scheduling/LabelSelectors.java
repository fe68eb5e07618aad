package io.clusteragent.analysis.scheduling;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** metav1.LabelSelector semantics: a null selector selects nothing, an empty one everything. */
final class LabelSelectors {

    private LabelSelectors() {}

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (!wanted.getValue().equals(actual.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        return selector.getMatchExpressions().stream().allMatch(requirement -> matches(requirement, actual));
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }

    /** {@code app=db,tier in [a, b]}, for reason texts. */
    static String describe(LabelSelector selector) {
        if (selector == null) {
            return "<none>";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(selector.getMatchLabels() == null ? Map.<String, String>of() : selector.getMatchLabels())
                .forEach((key, value) -> parts.add(key + "=" + value));
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String values =
                    requirement.getValues() == null || requirement.getValues().isEmpty()
                            ? ""
                            : " " + requirement.getValues();
            parts.add(requirement.getKey() + " " + requirement.getOperator() + values);
        }
        return parts.isEmpty() ? "<all pods>" : String.join(",", parts);
    }
}
