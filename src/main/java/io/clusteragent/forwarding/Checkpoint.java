package io.clusteragent.forwarding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the leaders have forwarded, handed from one to the next: the newest resourceVersion of an Event
 * observed, and the count forwarded per Event uid (those still in the cluster, bounded). A leader that
 * starts from it sends, of each cached Event, only the count above what is recorded; an Event not
 * recorded is new, unless its resourceVersion is not above the recorded one (it was forwarded, then
 * forgotten to keep the checkpoint small).
 *
 * @param resourceVersion the newest resourceVersion observed, as a number; 0 when none
 */
record Checkpoint(long resourceVersion, Map<String, Integer> counts) {

    static final Checkpoint EMPTY = new Checkpoint(0, Map.of());
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    Checkpoint {
        counts = counts == null ? Map.of() : new LinkedHashMap<>(counts);
    }

    /** Whether an Event of this resourceVersion was observed before the checkpoint was written. */
    boolean covers(String eventResourceVersion) {
        long version = number(eventResourceVersion);
        return version > 0 && version <= resourceVersion;
    }

    /** The resourceVersion as etcd writes it, a decimal revision; 0 for anything else (never "covered"). */
    static long number(String resourceVersion) {
        if (resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.length() > 18) {
            return 0;
        }
        for (int i = 0; i < resourceVersion.length(); i++) {
            if (!Character.isDigit(resourceVersion.charAt(i))) {
                return 0;
            }
        }
        return Long.parseLong(resourceVersion);
    }

    byte[] write() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Checkpoint read(byte[] bytes) throws IOException {
        Checkpoint read = JSON.readValue(bytes, Checkpoint.class);
        if (read == null) {
            throw new IOException("the checkpoint holds null");
        }
        return read;
    }
}
