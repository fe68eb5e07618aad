package io.clusteragent.analysis.events;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /pods/{ns}/{pod}/failure-events}.
 *
 * @param totalEvents     all events of the pod, routine ones included
 * @param failureEvents   most severe first, then most recent first
 * @param eventCategories failure events per category, keys sorted
 * @param mostRecentIssue the critical or warning event seen last; null when there is none
 * @param ongoingIssues   "Reason: message" of critical and warning events seen in the last five minutes
 * @param podStatus       what {@code kubectl get pods} prints as STATUS
 */
public record PodFailureEvents(
        String podName,
        String namespace,
        int totalEvents,
        List<FailureEvent> failureEvents,
        Map<String, Integer> eventCategories,
        int criticalEvents,
        int warningEvents,
        int infoEvents,
        MostRecentIssue mostRecentIssue,
        List<String> ongoingIssues,
        String podPhase,
        String podStatus) {}
