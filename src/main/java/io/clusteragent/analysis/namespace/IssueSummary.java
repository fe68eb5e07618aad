package io.clusteragent.analysis.namespace;

import java.util.List;

/**
 * How many pods have one type of issue.
 *
 * @param count        distinct pods, however many of their containers have the issue
 * @param affectedPods pod names, sorted
 */
public record IssueSummary(String issueType, int count, String description, List<String> affectedPods) {}
