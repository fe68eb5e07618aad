package io.clusteragent.analysis.namespace;

import java.util.List;

/**
 * A pod with at least one issue.
 *
 * @param ownerKind    Deployment or StatefulSet
 * @param status       what {@code kubectl get pods} prints as STATUS
 * @param restartCount restarts of all containers, init containers included
 * @param age          since creation, as "2h30m"
 * @param recentEvents Warning events of the last hour, newest first, at most five
 */
public record ProblematicPod(
        String name,
        String namespace,
        String ownerKind,
        String ownerName,
        String phase,
        String status,
        int restartCount,
        String age,
        List<PodIssue> issues,
        List<RecentEvent> recentEvents) {}
