package io.clusteragent.api;

/** A failure the caller should see as an error envelope rather than a 500. */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String details;

    public ApiException(ErrorCode code, String message, String details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details;
    }

    public static ApiException notFound(String kind, String details) {
        return new ApiException(ErrorCode.RESOURCE_NOT_FOUND, kind + " not found", details);
    }

    public ErrorCode code() {
        return code;
    }

    public String details() {
        return details;
    }
}
