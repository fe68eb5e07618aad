package io.clusteragent.api;

/** The error codes of the API envelope and the HTTP status each one is sent with. */
public enum ErrorCode {
    BAD_REQUEST(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    RESOURCE_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    URI_TOO_LONG(414),
    TOO_MANY_REQUESTS(429),
    HEADERS_TOO_LARGE(431),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503),
    REQUEST_TIMEOUT(504),
    HTTP_VERSION_NOT_SUPPORTED(505);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
