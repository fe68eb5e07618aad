package io.clusteragent.analysis.namespace;

import java.util.List;

/**
 * Body of {@code GET /namespace/{ns}/error}.
 *
 * @param analysisTime        ISO-8601
 * @param totalPodsAnalyzed   pods owned by a Deployment (through its ReplicaSet) or a StatefulSet
 * @param summary             most affected pods first
 * @param problematicPods     pods with a critical issue first, then by restarts, then by name
 * @param criticalIssuesCount issues, not pods: a pod with two crash-looping containers counts twice
 */
public record NamespaceErrorReport(
        String namespace,
        String analysisTime,
        int totalPodsAnalyzed,
        int problematicPodsCount,
        int healthyPodsCount,
        int restartThresholdUsed,
        List<IssueSummary> summary,
        List<ProblematicPod> problematicPods,
        int criticalIssuesCount,
        int warningIssuesCount) {}
