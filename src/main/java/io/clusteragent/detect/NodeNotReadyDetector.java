package io.clusteragent.detect;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.Rfc3339;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * node_not_ready: a node whose Ready condition is False or Unknown (critical: its pods are lost or
 * about to be evicted), or that reports memory, disk or PID pressure (high: the kubelet is evicting
 * or refusing pods). One finding per node, NotReady taking precedence.
 */
public final class NodeNotReadyDetector implements Detector {

    private static final Set<String> PRESSURES = Set.of("MemoryPressure", "DiskPressure", "PIDPressure");

    @Override
    public FindingType type() {
        return FindingType.NODE_NOT_READY;
    }

    @Override
    public List<Finding> detect(DetectionInput input) {
        List<Finding> findings = new ArrayList<>();
        for (Node node : input.nodes()) {
            List<NodeCondition> conditions =
                    node.getStatus() == null || node.getStatus().getConditions() == null
                            ? List.of()
                            : node.getStatus().getConditions();
            List<NodeCondition> pressures = conditions.stream()
                    .filter(c -> PRESSURES.contains(c.getType()) && "True".equals(c.getStatus()))
                    .toList();
            Optional<NodeCondition> notReady = conditions.stream()
                    .filter(c -> "Ready".equals(c.getType()) && !"True".equals(c.getStatus()))
                    .findFirst();
            String name = node.getMetadata().getName();
            if (notReady.isPresent()) {
                findings.add(notReady(name, notReady.get(), pressures, input.now()));
            } else if (!pressures.isEmpty()) {
                findings.add(underPressure(name, pressures));
            }
        }
        return findings;
    }

    private Finding notReady(String node, NodeCondition ready, List<NodeCondition> pressures, Instant now) {
        Instant since = Rfc3339.parse(ready.getLastTransitionTime());
        String duration = since == null ? null : HumanDuration.format(Duration.between(since, now));
        String message = "Node " + node + " is NotReady (Ready=" + ready.getStatus() + reasonText(ready) + ")"
                + (duration == null ? "" : " for " + duration)
                + (pressures.isEmpty() ? "" : "; it also reports " + types(pressures));
        return Finding.of(
                type(),
                IncidentSeverity.CRITICAL,
                Subject.node(node),
                message,
                Details.of()
                        .put("condition", "Ready")
                        .put("status", ready.getStatus())
                        .put("reason", ready.getReason())
                        .put("condition_message", ready.getMessage())
                        .put("not_ready_for", duration)
                        .put("pressures", types(pressures))
                        .build());
    }

    private Finding underPressure(String node, List<NodeCondition> pressures) {
        NodeCondition first = pressures.get(0);
        String why = first.getMessage() == null || first.getMessage().isBlank()
                ? ""
                : ": " + first.getMessage().strip();
        String message = "Node " + node + " reports " + types(pressures) + why;
        return Finding.of(
                type(),
                IncidentSeverity.HIGH,
                Subject.node(node),
                message,
                Details.of()
                        .put("condition", first.getType())
                        .put("status", first.getStatus())
                        .put("reason", first.getReason())
                        .put("condition_message", first.getMessage())
                        .put("pressures", types(pressures))
                        .build());
    }

    private static String reasonText(NodeCondition condition) {
        String reason = condition.getReason() == null ? "" : ", " + condition.getReason();
        return condition.getMessage() == null || condition.getMessage().isBlank()
                ? reason
                : reason + ": " + condition.getMessage().strip();
    }

    private static String types(List<NodeCondition> conditions) {
        return String.join(",", conditions.stream().map(NodeCondition::getType).toList());
    }
}
