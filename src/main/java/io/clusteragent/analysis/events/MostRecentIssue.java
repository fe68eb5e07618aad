package io.clusteragent.analysis.events;

/** The failure event seen last. {@code lastTimestamp} is ISO-8601. */
public record MostRecentIssue(String reason, String message, String lastTimestamp) {}
