package io.clusteragent.analysis.scheduling;

/**
 * One reason a node cannot take the pod.
 *
 * @param reason      short text, e.g. {@code insufficient memory}
 * @param shortage    for resources only: {@code insufficient memory (requested: 2Gi, available: 1Gi, allocatable: 8Gi)}; else null
 */
record NodeProblem(SchedulingFailureCategory category, String reason, String shortage) {

    static NodeProblem of(SchedulingFailureCategory category, String reason) {
        return new NodeProblem(category, reason, null);
    }
}
