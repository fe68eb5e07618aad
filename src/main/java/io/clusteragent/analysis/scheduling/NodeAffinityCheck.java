package io.clusteragent.analysis.scheduling;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code spec.nodeSelector} and required node affinity; both must hold (kube-scheduler's NodeAffinity filter). */
final class NodeAffinityCheck implements NodeCheck {

    private final Map<String, String> nodeSelector;
    private final List<NodeSelectorTerm> requiredTerms;

    NodeAffinityCheck(Pod pod) {
        nodeSelector = new TreeMap<>(
                pod.getSpec().getNodeSelector() == null
                        ? Map.of()
                        : pod.getSpec().getNodeSelector());
        requiredTerms = requiredTerms(pod);
    }

    /** The required node affinity terms, or null when the pod has none (an absent rule, unlike an empty one, allows every node). */
    static List<NodeSelectorTerm> requiredTerms(Pod pod) {
        var affinity = pod.getSpec().getAffinity();
        if (affinity == null
                || affinity.getNodeAffinity() == null
                || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
            return null;
        }
        return affinity.getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms();
    }

    @Override
    public List<NodeProblem> evaluate(Node node) {
        List<NodeProblem> problems = new ArrayList<>();
        Map<String, String> labels = NodeLabels.of(node);
        nodeSelector.forEach((key, value) -> {
            if (!value.equals(labels.get(key))) {
                String has =
                        labels.containsKey(key) ? "node has " + key + "=" + labels.get(key) : "node has no such label";
                problems.add(NodeProblem.of(
                        SchedulingFailureCategory.NodeAffinityNotMatch,
                        "node selector " + key + "=" + value + " not matched (" + has + ")"));
            }
        });
        if (requiredTerms != null && !NodeSelectorTerms.matchesAny(requiredTerms, node)) {
            problems.add(NodeProblem.of(
                    SchedulingFailureCategory.NodeAffinityNotMatch,
                    "required node affinity not matched: "
                            + String.join("; or ", NodeSelectorTerms.explainMismatch(requiredTerms, node))));
        }
        return problems;
    }
}
