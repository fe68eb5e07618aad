package io.clusteragent.analysis.scheduling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /pods/{ns}/{pod}/scheduling}. Fields that belong to one branch only are left out
 * of the other: a scheduled pod has {@code nodeName} and {@code schedulingReasons}; a pending one has
 * the failure analysis. A scheduled pod stuck on a volume attachment also gets {@code failureCategories}.
 *
 * @param status             Scheduled, Pending, or Failed (a pod that failed before being placed)
 * @param nodeSelector       never null
 * @param tolerations        never null
 * @param affinity           as in the pod spec, null when unset
 * @param priority           0 when unset
 * @param priorityClassName  "" when unset
 * @param failureCategories  sorted by name
 * @param failureSummary     most nodes first, then by category name
 * @param unschedulableNodes the nodes the agent's evaluation rejects, sorted by name
 * @param schedulerMessage   the latest FailedScheduling message, parsed
 * @param nodesEvaluated     how many nodes the agent evaluated
 * @param pendingFor         time since the pod was created, e.g. {@code 12m}
 * @param schedulingEvents   newest first
 */
public record PodScheduling(
        String status,
        @JsonInclude(Include.NON_NULL) String nodeName,
        @JsonInclude(Include.NON_NULL) String nominatedNodeName,
        String schedulerName,
        Map<String, String> nodeSelector,
        List<Toleration> tolerations,
        Affinity affinity,
        int priority,
        String priorityClassName,
        @JsonInclude(Include.NON_NULL) List<String> schedulingReasons,
        @JsonInclude(Include.NON_NULL) List<SchedulingFailureCategory> failureCategories,
        @JsonInclude(Include.NON_NULL) List<FailureSummary> failureSummary,
        @JsonInclude(Include.NON_NULL) List<UnschedulableNode> unschedulableNodes,
        @JsonInclude(Include.NON_NULL) FailedSchedulingMessage schedulerMessage,
        @JsonInclude(Include.NON_NULL) Integer nodesEvaluated,
        @JsonInclude(Include.NON_NULL) String pendingFor,
        List<SchedulingEvent> schedulingEvents) {

    public static final String SCHEDULED = "Scheduled";
    public static final String PENDING = "Pending";
    public static final String FAILED = "Failed";
}
