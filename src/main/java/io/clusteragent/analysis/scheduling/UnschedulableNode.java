package io.clusteragent.analysis.scheduling;

import java.util.List;

/**
 * A node the pod cannot be placed on, from the agent's own evaluation of the cached cluster state.
 *
 * @param insufficientResources e.g. {@code insufficient memory (requested: 2Gi, available: 1Gi, allocatable: 8Gi)}
 * @param categories            sorted by name
 */
public record UnschedulableNode(
        String nodeName,
        List<String> reasons,
        List<String> insufficientResources,
        List<SchedulingFailureCategory> categories) {}
