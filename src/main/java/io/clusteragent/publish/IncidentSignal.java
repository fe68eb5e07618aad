package io.clusteragent.publish;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The body the Agent Service's {@code POST /events} validates, field for field; anything else is refused
 * with 422. {@code namespace} is an optional field of the service's model and is left out for
 * cluster-scoped resources (nodes): the namespace is its own field, never part of {@code resource}.
 * Metadata values are strings because the service declares {@code Dict[str, str]}.
 *
 * @param id        UUID of this notification: one per idempotency key, the same whenever that key is sent
 * @param timestamp RFC 3339, when the condition was detected
 */
public record IncidentSignal(
        UUID id,
        String type,
        String severity,
        @JsonInclude(JsonInclude.Include.NON_NULL) String namespace,
        String resource,
        String message,
        String timestamp,
        String source,
        Map<String, String> metadata) {

    public IncidentSignal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
        requireRfc3339(timestamp);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        metadata.forEach((key, value) -> Objects.requireNonNull(value, () -> "metadata." + key));
    }

    private static void requireRfc3339(String timestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        try {
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp is not RFC 3339: " + timestamp, e);
        }
    }
}
