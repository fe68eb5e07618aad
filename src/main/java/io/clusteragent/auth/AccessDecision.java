package io.clusteragent.auth;

/** A SubjectAccessReview's answer: allowed or not, and the authorizer's reason when it gave one. */
public record AccessDecision(boolean allowed, String reason) {

    public AccessDecision {
        reason = reason == null ? "" : reason;
    }
}
