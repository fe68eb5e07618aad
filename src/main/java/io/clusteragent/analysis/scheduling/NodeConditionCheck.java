package io.clusteragent.analysis.scheduling;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cordoned and not-ready nodes. kube-scheduler itself only sees the taints the node controller adds
 * for these states, which {@link TaintCheck} reports too; checking the node's own fields as well still
 * explains a node whose taint has not been added yet. Pods that tolerate those taints (DaemonSets) are
 * not held back by either.
 */
final class NodeConditionCheck implements NodeCheck {

    static final String UNSCHEDULABLE_TAINT = "node.kubernetes.io/unschedulable";
    static final String NOT_READY_TAINT = "node.kubernetes.io/not-ready";
    static final String UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";

    private final boolean toleratesCordon;
    private final boolean toleratesNotReady;

    NodeConditionCheck(Pod pod) {
        toleratesCordon = Tolerations.tolerated(pod, UNSCHEDULABLE_TAINT, Tolerations.NO_SCHEDULE);
        toleratesNotReady = Tolerations.tolerated(pod, NOT_READY_TAINT, Tolerations.NO_SCHEDULE)
                && Tolerations.tolerated(pod, UNREACHABLE_TAINT, Tolerations.NO_SCHEDULE);
    }

    @Override
    public List<NodeProblem> evaluate(Node node) {
        List<NodeProblem> problems = new ArrayList<>();
        if (!toleratesCordon
                && node.getSpec() != null
                && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            problems.add(NodeProblem.of(
                    SchedulingFailureCategory.NodeUnschedulable, "node is cordoned (spec.unschedulable=true)"));
        }
        Optional<NodeCondition> ready = readyCondition(node);
        if (!toleratesNotReady && (ready.isEmpty() || !"True".equals(ready.get().getStatus()))) {
            problems.add(NodeProblem.of(SchedulingFailureCategory.NodeNotReady, notReadyText(ready)));
        }
        return problems;
    }

    static Optional<NodeCondition> readyCondition(Node node) {
        if (node.getStatus() == null) {
            return Optional.empty();
        }
        return node.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType()))
                .findFirst();
    }

    private static String notReadyText(Optional<NodeCondition> ready) {
        if (ready.isEmpty()) {
            return "node is not ready (no Ready condition reported)";
        }
        NodeCondition condition = ready.get();
        String detail = condition.getReason() == null ? "" : ": " + condition.getReason();
        if (condition.getMessage() != null && !condition.getMessage().isEmpty()) {
            detail += " (" + condition.getMessage() + ")";
        }
        return "node is not ready (Ready=" + condition.getStatus() + detail + ")";
    }
}
