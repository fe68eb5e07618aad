package io.clusteragent.analysis.scheduling;

import java.util.List;

/**
 * How many nodes fail for one category.
 *
 * @param count  nodes failing: those the evaluation found, else the scheduler message's count, else 0
 * @param nodes  sorted; empty when only the scheduler's message knows the category (it names no nodes)
 * @param source {@value #EVALUATION}, {@value #SCHEDULER}, {@value #BOTH}, or {@value #EVENTS} for volume events on the pod
 */
public record FailureSummary(
        SchedulingFailureCategory category, int count, String description, List<String> nodes, String source) {

    public static final String EVALUATION = "evaluation";
    public static final String SCHEDULER = "scheduler";
    public static final String BOTH = "evaluation+scheduler";
    public static final String EVENTS = "events";
}
