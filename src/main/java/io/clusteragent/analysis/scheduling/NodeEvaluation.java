package io.clusteragent.analysis.scheduling;

import java.util.Comparator;
import java.util.List;

/** One node judged against the pod: no problems means it fits. */
record NodeEvaluation(String nodeName, List<NodeProblem> problems) {

    boolean fits() {
        return problems.isEmpty();
    }

    /** The API view of a node that does not fit. */
    UnschedulableNode view() {
        return new UnschedulableNode(
                nodeName,
                problems.stream().map(NodeProblem::reason).distinct().toList(),
                problems.stream()
                        .map(NodeProblem::shortage)
                        .filter(s -> s != null)
                        .toList(),
                problems.stream()
                        .map(NodeProblem::category)
                        .distinct()
                        .sorted(Comparator.comparing(Enum::name))
                        .toList());
    }
}
