package io.clusteragent.api;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers the requests Vert.x could not read (a request line or headers over the limits, a malformed
 * header, an HTTP version other than 1.0 and 1.1) like every other answer: in the envelope, with a
 * request id and an access-log line. The connection is closed after it, since what follows such a
 * request on the stream cannot be trusted to start a new one.
 */
final class InvalidRequests implements Handler<HttpServerRequest> {

    private static final int MAX_CAUSE_LENGTH = 200;

    private final Envelope envelope;
    private final HttpServerOptions limits;

    InvalidRequests(Envelope envelope, HttpServerOptions limits) {
        this.envelope = envelope;
        this.limits = limits;
    }

    /** Whether Vert.x decoded the request and speaks its version; the rest come here. */
    static boolean readable(HttpServerRequest request) {
        return request.decoderResult().isSuccess() && request.version() != null;
    }

    @Override
    public void handle(HttpServerRequest request) {
        long start = System.nanoTime();
        String requestId = RequestIds.assign(request);
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        DecoderResult result = request.decoderResult();
        if (result.isSuccess()) {
            envelope.error(
                    request.response(),
                    requestId,
                    ErrorCode.HTTP_VERSION_NOT_SUPPORTED,
                    "HTTP version not supported",
                    "the agent speaks HTTP/1.1 and HTTP/1.0");
        } else if (result.cause() instanceof TooLongHttpLineException) {
            envelope.error(
                    request.response(),
                    requestId,
                    ErrorCode.URI_TOO_LONG,
                    "URI too long",
                    "the request line is longer than " + limits.getMaxInitialLineLength() + " bytes");
        } else if (result.cause() instanceof TooLongHttpHeaderException) {
            envelope.error(
                    request.response(),
                    requestId,
                    ErrorCode.HEADERS_TOO_LARGE,
                    "Request headers too large",
                    "the request headers are larger than " + limits.getMaxHeaderSize() + " bytes");
        } else {
            envelope.error(request.response(), requestId, ErrorCode.BAD_REQUEST, "Malformed request", cause(result));
        }
        AccessLog.unrouted(request, requestId, start);
        request.response().close();
    }

    private static String cause(DecoderResult result) {
        String message = String.valueOf(result.cause().getMessage());
        return "the request line or a header cannot be read: "
                + (message.length() > MAX_CAUSE_LENGTH ? message.substring(0, MAX_CAUSE_LENGTH) + "..." : message);
    }
}
