package io.clusteragent.auth;

/** Why a request may not go on: what the caller is told, without a stack trace. */
public final class AccessRefused extends RuntimeException {

    public enum Reason {
        /** No credentials, unreadable ones, or ones the API server did not accept. */
        UNAUTHENTICATED,
        /** The caller is known, and the API server's authorizer does not allow what the route reads. */
        FORBIDDEN,
        /** The caller asks more often than RATE_LIMIT_PER_USER allows. */
        RATE_LIMITED,
        /** The API server could not be asked, or did not answer in time: refused, never let through. */
        UNAVAILABLE
    }

    private final Reason reason;
    private final String details;
    private final long retryAfterSeconds;

    AccessRefused(Reason reason, String message, String details) {
        this(reason, message, details, 0);
    }

    AccessRefused(Reason reason, String message, String details, long retryAfterSeconds) {
        super(message, null, false, false);
        this.reason = reason;
        this.details = details;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Reason reason() {
        return reason;
    }

    public String details() {
        return details;
    }

    /** For {@link Reason#RATE_LIMITED}: when the caller may ask again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
