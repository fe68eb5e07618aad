package io.clusteragent.detect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON form of the incident state, whichever store keeps it. */
public final class IncidentStateJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private IncidentStateJson() {}

    public static byte[] write(IncidentState state) {
        try {
            return JSON.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException when the bytes are no incident state (not JSON, null, or a record that breaks its rules) */
    public static IncidentState read(byte[] bytes) throws IOException {
        IncidentState state = JSON.readValue(bytes, IncidentState.class);
        if (state == null) {
            throw new IOException("the stored incident state is null");
        }
        return state;
    }
}
