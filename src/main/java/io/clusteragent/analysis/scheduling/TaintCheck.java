package io.clusteragent.analysis.scheduling;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;

import java.util.List;

/**
 * NoSchedule and NoExecute taints the pod does not tolerate. The category comes from the reason table,
 * fed the scheduler's own wording, so a not-ready or cordon taint lands where the scheduler's message
 * would put it.
 */
final class TaintCheck implements NodeCheck {

    private final Pod pod;

    TaintCheck(Pod pod) {
        this.pod = pod;
    }

    @Override
    public List<NodeProblem> evaluate(Node node) {
        return untolerated(pod, node).stream()
                .map(taint -> NodeProblem.of(
                        SchedulerReasonPattern.categoryOf(schedulerWording(taint)),
                        "untolerated taint " + Tolerations.describe(taint)))
                .toList();
    }

    static List<Taint> untolerated(Pod pod, Node node) {
        return taints(node).stream()
                .filter(Tolerations::filters)
                .filter(taint -> !Tolerations.tolerated(pod, taint))
                .toList();
    }

    static List<Taint> taints(Node node) {
        return node.getSpec() == null ? List.of() : node.getSpec().getTaints();
    }

    private static String schedulerWording(Taint taint) {
        return "node(s) had untolerated taint {" + taint.getKey() + ": "
                + (taint.getValue() == null ? "" : taint.getValue()) + "}";
    }
}
