package io.clusteragent.analysis.scheduling;

import io.fabric8.kubernetes.api.model.Node;

import java.util.List;

/**
 * One scheduler filter, bound to the pod being placed. Implementations do their per-pod work once in
 * the constructor, since {@link #evaluate(Node)} runs for every node of the cluster.
 */
interface NodeCheck {

    /** Why this node cannot take the pod; empty when it can. */
    List<NodeProblem> evaluate(Node node);
}
