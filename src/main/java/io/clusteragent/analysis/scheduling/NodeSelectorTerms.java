package io.clusteragent.analysis.scheduling;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node selector terms as Kubernetes evaluates them for required node affinity and PersistentVolume
 * node affinity: terms are ORed, requirements within a term ANDed, and a term with no requirement
 * matches nothing. matchFields supports {@code metadata.name}, the only field the API allows.
 */
final class NodeSelectorTerms {

    private static final String NODE_NAME_FIELD = "metadata.name";

    private NodeSelectorTerms() {}

    static boolean matchesAny(List<NodeSelectorTerm> terms, Node node) {
        return terms.stream().anyMatch(term -> failures(term, node).isEmpty() && !isEmpty(term));
    }

    /** The failing requirements of each term, e.g. {@code gpu-count Gt [4] (node has 2)}, one string per term. */
    static List<String> explainMismatch(List<NodeSelectorTerm> terms, Node node) {
        List<String> explanations = new ArrayList<>();
        for (NodeSelectorTerm term : terms) {
            explanations.add(isEmpty(term) ? "empty term matches no node" : String.join(" and ", failures(term, node)));
        }
        return explanations;
    }

    private static List<String> failures(NodeSelectorTerm term, Node node) {
        List<String> failures = new ArrayList<>();
        Map<String, String> labels = NodeLabels.of(node);
        for (NodeSelectorRequirement requirement : term.getMatchExpressions()) {
            if (!matches(requirement, labels)) {
                failures.add(describe(requirement, labels.get(requirement.getKey())));
            }
        }
        Map<String, String> fields = Map.of(NODE_NAME_FIELD, node.getMetadata().getName());
        for (NodeSelectorRequirement requirement : term.getMatchFields()) {
            if (!matches(requirement, fields)) {
                failures.add(describe(requirement, fields.get(requirement.getKey())));
            }
        }
        return failures;
    }

    static boolean matches(NodeSelectorRequirement requirement, Map<String, String> labels) {
        String actual = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> actual != null && values.contains(actual);
            case "NotIn" -> actual == null || !values.contains(actual);
            case "Exists" -> actual != null;
            case "DoesNotExist" -> actual == null;
            case "Gt" -> compare(actual, values) > 0;
            case "Lt" -> compare(actual, values) < 0;
            default -> false;
        };
    }

    /** Gt and Lt compare integers; a missing label, a non-integer or anything but one value never matches. */
    private static int compare(String actual, List<String> values) {
        if (actual == null || values.size() != 1) {
            return 0;
        }
        try {
            return Long.compare(Long.parseLong(actual), Long.parseLong(values.get(0)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isEmpty(NodeSelectorTerm term) {
        return term.getMatchExpressions().isEmpty() && term.getMatchFields().isEmpty();
    }

    private static String describe(NodeSelectorRequirement requirement, String actual) {
        String values =
                requirement.getValues() == null || requirement.getValues().isEmpty()
                        ? ""
                        : " " + requirement.getValues();
        String has = actual == null ? "node has no such label" : "node has " + actual;
        return requirement.getKey() + " " + requirement.getOperator() + values + " (" + has + ")";
    }
}
