package io.clusteragent.analysis.namespace;

/** A Warning event of a problematic pod. {@code lastTimestamp} is ISO-8601. */
public record RecentEvent(String type, String reason, String message, String lastTimestamp, int count) {}
