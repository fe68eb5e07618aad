package io.clusteragent.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.http.HttpMethod;

import java.time.Instant;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * What the event loop knows of a request when its response ends, kept as it is: turning it into a
 * log event is left to the access log's writer thread.
 *
 * @param user the authenticated caller's name; null when authentication is off or the caller is not known
 * @param end the wall-clock time the response ended, which is the time of the line
 * @param thread the event loop that served the request, named in the line as it was when the loop wrote it
 */
record AccessLine(
        HttpMethod method,
        String path,
        String route,
        String user,
        int status,
        String requestId,
        long durationNanos,
        Instant end,
        String thread) {

    /** The event {@code logger} would have made had it been called when the response ended. */
    LoggingEvent event(Logger logger) {
        double durationMs = durationNanos / 1_000 / 1000.0;
        LoggingEvent event = new LoggingEvent(
                AccessLine.class.getName(), logger, Level.INFO, "{} {} {} {}ms {}", null, new Object[] {
                    method,
                    path,
                    status,
                    durationMs,
                    kv("requestId", requestId),
                    kv("method", method.name()),
                    kv("path", path),
                    kv("route", route),
                    kv("user", user),
                    kv("status", status),
                    kv("durationMs", durationMs)
                });
        event.setInstant(end);
        event.setThreadName(thread);
        return event;
    }
}
