package io.clusteragent.eventrecord;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The wire form of {@link EventRecord}: UTF-8 JSON, times as RFC 3339 strings. Unknown fields are
 * ignored, so a reader of schema version 1 keeps reading records a newer agent adds fields to.
 */
public final class EventRecordJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventRecordJson() {}

    public static byte[] write(EventRecord record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IllegalArgumentException when {@code bytes} is not an event record, naming why
     */
    public static EventRecord read(byte[] bytes) {
        try {
            return JSON.readValue(bytes, EventRecord.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an event record: " + e.getMessage(), e);
        }
    }
}
