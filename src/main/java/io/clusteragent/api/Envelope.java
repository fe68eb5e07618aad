package io.clusteragent.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

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

    public record Metadata(String requestId, Instant timestamp) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String details) {
    }

    public record Failure(Error error, Metadata metadata) {
    }

    private final Clock clock;

    public Envelope(Clock clock) {
        this.clock = clock;
    }

    /** The {@code data} part of a success, serialized once: on the analysis worker, and kept by the response cache. */
    Buffer data(Object data) {
        return serialize(data);
    }

    /** A success body around already serialized data, with this request's own metadata. */
    Buffer okBody(RoutingContext ctx, Buffer data) {
        return Buffer.buffer(data.length() + 128)
                .appendString("{\"data\":").appendBuffer(data)
                .appendString(",\"metadata\":").appendBuffer(serialize(metadata(ctx)))
                .appendString("}");
    }

    void send(RoutingContext ctx, Buffer okBody) {
        write(ctx, 200, okBody);
    }

    public void error(RoutingContext ctx, ErrorCode code, String message, String details) {
        write(ctx, code.httpStatus(), serialize(new Failure(new Error(code.name(), message, details), metadata(ctx))));
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
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(json);
    }
}
