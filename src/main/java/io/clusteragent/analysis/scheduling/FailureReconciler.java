package io.clusteragent.analysis.scheduling;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Merges the two views of a pending pod: the agent's per-node evaluation, which is current and names
 * nodes, and the scheduler's last FailedScheduling message, which sees filters the evaluation cannot
 * (topology spread, volume limits, ...) but only counts nodes. A category from the message is never
 * attributed to nodes the evaluation did not flag.
 */
final class FailureReconciler {

    private static final Comparator<FailureSummary> MOST_NODES_FIRST = Comparator.comparingInt(FailureSummary::count)
            .reversed()
            .thenComparing(s -> s.category().name());

    private FailureReconciler() {}

    /**
     * @param evaluations   one per node of the cluster; none means the cluster has no node to offer
     * @param message       the latest FailedScheduling message, or null when there is none
     * @param eventFindings categories read from other events on the pod (volume attachment), with the nodes they concern
     */
    static List<FailureSummary> summarize(
            List<NodeEvaluation> evaluations,
            FailedSchedulingMessage message,
            Map<SchedulingFailureCategory, List<String>> eventFindings) {
        Map<SchedulingFailureCategory, SortedSet<String>> evaluated = new EnumMap<>(SchedulingFailureCategory.class);
        if (evaluations.isEmpty()) {
            evaluated.put(SchedulingFailureCategory.NoNodesAvailable, new TreeSet<>());
        }
        for (NodeEvaluation evaluation : evaluations) {
            evaluation
                    .problems()
                    .forEach(p -> evaluated
                            .computeIfAbsent(p.category(), c -> new TreeSet<>())
                            .add(evaluation.nodeName()));
        }
        return merge(evaluated, message, eventFindings);
    }

    /** For a pod that already has a node: only event findings can still be failures. */
    static List<FailureSummary> fromEvents(Map<SchedulingFailureCategory, List<String>> eventFindings) {
        return merge(Map.of(), null, eventFindings);
    }

    private static List<FailureSummary> merge(
            Map<SchedulingFailureCategory, SortedSet<String>> evaluated,
            FailedSchedulingMessage message,
            Map<SchedulingFailureCategory, List<String>> eventFindings) {
        Set<SchedulingFailureCategory> all = EnumSet.noneOf(SchedulingFailureCategory.class);
        all.addAll(evaluated.keySet());
        all.addAll(message == null ? Set.of() : message.categories());
        all.addAll(eventFindings.keySet());
        return all.stream()
                .map(category -> entry(category, evaluated, message, eventFindings))
                .sorted(MOST_NODES_FIRST)
                .toList();
    }

    private static FailureSummary entry(
            SchedulingFailureCategory category,
            Map<SchedulingFailureCategory, SortedSet<String>> evaluated,
            FailedSchedulingMessage message,
            Map<SchedulingFailureCategory, List<String>> eventFindings) {
        SortedSet<String> nodes = new TreeSet<>(evaluated.getOrDefault(category, new TreeSet<>()));
        nodes.addAll(eventFindings.getOrDefault(category, List.of()));
        Integer said = message == null ? null : message.nodesFailing(category);
        // Nodes the evaluation named are current; the message's count only stands in when it named none.
        int count = !nodes.isEmpty() || said == null ? nodes.size() : said;
        boolean inMessage = message != null && message.categories().contains(category);
        return new FailureSummary(
                category,
                count,
                category.description(),
                List.copyOf(nodes),
                source(evaluated.containsKey(category), inMessage));
    }

    private static String source(boolean evaluated, boolean inMessage) {
        if (evaluated) {
            return inMessage ? FailureSummary.BOTH : FailureSummary.EVALUATION;
        }
        return inMessage ? FailureSummary.SCHEDULER : FailureSummary.EVENTS;
    }
}
