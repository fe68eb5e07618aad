package io.clusteragent.analysis.namespace;

/**
 * One problem of one pod.
 *
 * @param type     an {@link IssueType} name
 * @param severity critical or warning
 */
public record PodIssue(String type, String description, String severity, String details) {

    static PodIssue of(IssueType type, String description, String details) {
        return new PodIssue(type.name(), description, type.severity().label(), details == null ? "" : details);
    }

    IssueType issueType() {
        return IssueType.valueOf(type);
    }

    boolean isCritical() {
        return "critical".equals(severity);
    }
}
