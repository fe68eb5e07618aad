package io.clusteragent.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The one response shape of the API: {@code {data, metadata}} on success and
 * {@code {error: {code, message, details}, metadata}} on failure.
 */
public final class Envelope {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public record Metadata(String requestId, Instant timestamp) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String details) {}

    public record Failure(Error error, Metadata metadata) {}

    private static final byte[] DATA_OPEN = "{\"data\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] METADATA_OPEN = ",\"metadata\":{\"requestId\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIMESTAMP = "\",\"timestamp\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] METADATA_CLOSE = "\"}}".getBytes(StandardCharsets.US_ASCII);
    private static final String APPLICATION_JSON = "application/json";

    private final Clock clock;

    public Envelope(Clock clock) {
        this.clock = clock;
    }

    /**
     * The opening of a success body, {@code {"data": ...}} without its metadata, serialized and compressed
     * once: on the analysis worker, and kept by the response cache.
     */
    KeptAnswer opening(Object data) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        body.writeBytes(DATA_OPEN);
        try {
            JSON.writeValue(body, data);
        } catch (IOException e) {
            throw new IllegalStateException("response body cannot be serialized", e);
        }
        return KeptAnswer.of(body.toByteArray());
    }

    /**
     * Sends a success body: the shared opening, then this request's own metadata. Written as two parts, so
     * a kept answer of hundreds of kilobytes is neither copied nor compressed for each request that reads
     * it. Clients that accept gzip get the compressed form.
     */
    void send(RoutingContext ctx, KeptAnswer opening) {
        HttpServerResponse response = start(ctx, 200);
        if (response == null) {
            return;
        }
        Buffer closing = closing(ctx);
        if (AcceptEncoding.negotiateGzip(ctx.request())) {
            Buffer tail = opening.gzipTail(closing);
            AcceptEncoding.gzipped(response)
                    .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(opening.gzippedLength() + tail.length()))
                    .write(opening.gzipped());
            response.end(tail);
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(opening.identityLength() + closing.length()))
                .write(opening.identity());
        response.end(closing);
    }

    /**
     * {@code ,"metadata":{...}}} of this request, written directly rather than through Jackson: its only
     * strings are a request id, which {@link RequestIds} limits to characters JSON needs no escape for, and
     * an ISO-8601 instant.
     */
    private Buffer closing(RoutingContext ctx) {
        return Buffer.buffer(128)
                .appendBytes(METADATA_OPEN)
                .appendBytes(RequestIds.of(ctx).getBytes(StandardCharsets.US_ASCII))
                .appendBytes(TIMESTAMP)
                .appendBytes(clock.instant().toString().getBytes(StandardCharsets.US_ASCII))
                .appendBytes(METADATA_CLOSE);
    }

    public void error(RoutingContext ctx, ErrorCode code, String message, String details) {
        write(ctx, code.httpStatus(), serialize(new Failure(new Error(code.name(), message, details), metadata(ctx))));
    }

    /** A failure answered without the router: for a request Vert.x could not read, which has no routing context. */
    void error(HttpServerResponse response, String requestId, ErrorCode code, String message, String details) {
        response.setStatusCode(code.httpStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
                .end(serialize(new Failure(
                        new Error(code.name(), message, details), new Metadata(requestId, clock.instant()))));
    }

    private Metadata metadata(RoutingContext ctx) {
        return new Metadata(RequestIds.of(ctx), clock.instant());
    }

    private static Buffer serialize(Object body) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body cannot be serialized", e);
        }
    }

    private static void write(RoutingContext ctx, int status, Buffer json) {
        HttpServerResponse response = start(ctx, status);
        if (response != null) {
            response.end(json);
        }
    }

    /** The response with its status and JSON content type set; null when it was already answered (a 504 came first) or the client left. */
    private static HttpServerResponse start(RoutingContext ctx, int status) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return null;
        }
        return response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
    }
}
