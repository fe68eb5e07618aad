package io.clusteragent.analysis.scheduling;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason of a FailedScheduling message.
 *
 * @param count    nodes rejected for this reason; null when the message does not say
 * @param reason   the scheduler's text, e.g. {@code node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }}
 * @param category null for preemption reasons, which explain why preemption did not help rather than why nodes failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchedulerReason(Integer count, String reason, SchedulingFailureCategory category) {}
