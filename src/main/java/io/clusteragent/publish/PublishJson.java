package io.clusteragent.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapping of the payload and of spooled entries, so tests check exactly what is sent. */
public final class PublishJson {

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PublishJson() {}

    /** The request body of {@code POST /events}. */
    public static byte[] payload(IncidentSignal signal) {
        return write(signal);
    }

    static byte[] spoolRecord(OutgoingIncident incident) {
        return write(incident);
    }

    static OutgoingIncident readSpoolRecord(byte[] bytes) throws IOException {
        return JSON.readValue(bytes, OutgoingIncident.class);
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
