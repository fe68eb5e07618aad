package io.clusteragent.analysis.namespace;

import io.clusteragent.analysis.events.Severity;

import java.util.List;
import java.util.Optional;

/**
 * The problems the namespace report looks for. The name is the API value; {@code waitingReasons}
 * are the container waiting reasons that are this issue by themselves.
 */
public enum IssueType {
    HighRestarts("Pods with excessive restart counts", Severity.CRITICAL),
    Pending("Pods stuck in pending state", Severity.CRITICAL),
    Failed("Pods in failed state", Severity.WARNING),
    CrashLoopBackOff("Pods in crash loop backoff", Severity.CRITICAL, "CrashLoopBackOff"),
    ImagePullError(
            "Pods with image pull errors",
            Severity.CRITICAL,
            "ImagePullBackOff",
            "ErrImagePull",
            "InvalidImageName",
            "ErrImageNeverPull"),
    ResourceConstraints("Pods with insufficient resources", Severity.CRITICAL),
    Unschedulable("Pods that cannot be scheduled", Severity.CRITICAL),
    // Warning, not critical: the container was restarted and may be running now; the crash loop or
    // restart count it causes is reported as critical on its own.
    OOMKilled("Pods with containers killed for exceeding their memory limit", Severity.WARNING),
    CreateContainerConfigError(
            "Pods whose containers reference missing configuration", Severity.CRITICAL, "CreateContainerConfigError");

    private final String description;
    private final Severity severity;
    private final List<String> waitingReasons;

    IssueType(String description, Severity severity, String... waitingReasons) {
        this.description = description;
        this.severity = severity;
        this.waitingReasons = List.of(waitingReasons);
    }

    public String description() {
        return description;
    }

    public Severity severity() {
        return severity;
    }

    public List<String> waitingReasons() {
        return waitingReasons;
    }

    public static Optional<IssueType> forWaitingReason(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        for (IssueType type : values()) {
            if (type.waitingReasons.contains(reason)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
