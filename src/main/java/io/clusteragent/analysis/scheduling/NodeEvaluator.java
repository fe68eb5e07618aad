package io.clusteragent.analysis.scheduling;

import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.Comparator;
import java.util.List;

/**
 * Runs kube-scheduler's filters, as far as the cached state allows, for one pod over every node.
 * Topology spread, volume limits and dynamic resources are left to the scheduler's message.
 */
final class NodeEvaluator {

    private NodeEvaluator() {}

    static List<NodeEvaluation> evaluate(Pod pod, ClusterState state) {
        List<NodeCheck> checks = List.of(
                new NodeConditionCheck(pod),
                new NodeAffinityCheck(pod),
                new TaintCheck(pod),
                new ResourceFitCheck(pod, state),
                new HostPortCheck(pod, state),
                new VolumeCheck(pod, state),
                new PodAffinityCheck(pod, state));
        return state.nodes().stream()
                .sorted(Comparator.comparing((Node n) -> n.getMetadata().getName()))
                .map(node -> new NodeEvaluation(
                        node.getMetadata().getName(),
                        checks.stream()
                                .flatMap(check -> check.evaluate(node).stream())
                                .toList()))
                .toList();
    }
}
