package io.clusteragent.fleet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.clusteragent.analysis.Rfc3339;
import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.eventrecord.InvolvedObject;
import io.clusteragent.eventrecord.RecordType;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * Reads an event record in one pass of a streaming parser, for the form agents write: every field with the JSON type
 * it is documented with, times in RFC 3339. This is the analyzer's hottest path, and the data-binding reader spends
 * most of its time in reflection and in the general time parser ({@link Rfc3339} decodes the UTC form by hand).
 * Anything outside that form (a field of another type, a time as a number, a missing field, malformed JSON) is read
 * again by {@link EventRecordJson#read}, so every record is accepted, converted or refused exactly as that reader
 * does.
 */
final class EventRecordParser {

    private static final JsonFactory JSON = new JsonFactory();

    private EventRecordParser() {}

    /**
     * @throws IllegalArgumentException when {@code bytes} is not an event record, naming why
     */
    static EventRecord read(byte[] bytes) {
        EventRecord record;
        try (JsonParser parser = JSON.createParser(bytes)) {
            record = canonical(parser);
        } catch (IOException | RuntimeException e) {
            record = null;
        }
        return record != null ? record : EventRecordJson.read(bytes);
    }

    /** The record, or null when it is not in the canonical form (then the data-binding reader decides). */
    private static EventRecord canonical(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Fields fields = new Fields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!fields.set(field, value, parser)) {
                return null;
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            return null;
        }
        return fields.record();
    }

    /** The fields read so far; {@link #set} answers false for a value not of its documented type. */
    private static final class Fields {
        private static final Set<String> STRINGS =
                Set.of("clusterId", "agentVersion", "type", "reason", "message", "eventUid", "image");

        int schemaVersion;
        RecordType recordType;
        String clusterId;
        String agentVersion;
        Instant timestamp;
        Category category;
        String type;
        String reason;
        String message;
        InvolvedObject involvedObject;
        String eventUid;
        long count;
        long occurrences;
        Instant firstTimestamp;
        Instant lastTimestamp;
        String image;

        boolean set(String field, JsonToken value, JsonParser parser) throws IOException {
            if (STRINGS.contains(field) && !isText(value)) {
                return false;
            }
            switch (field) {
                case "schemaVersion" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                        return false;
                    }
                    schemaVersion = parser.getIntValue();
                }
                case "count" -> {
                    if (!isLong(value, parser)) {
                        return false;
                    }
                    count = parser.getLongValue();
                }
                case "occurrences" -> {
                    if (!isLong(value, parser)) {
                        return false;
                    }
                    occurrences = parser.getLongValue();
                }
                case "recordType" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        return false;
                    }
                    recordType = RecordType.valueOf(parser.getText());
                }
                case "category" -> {
                    if (!isText(value)) {
                        return false;
                    }
                    category = value == JsonToken.VALUE_NULL ? null : Category.valueOf(parser.getText());
                }
                case "timestamp" -> timestamp = time(value, parser);
                case "firstTimestamp" -> {
                    firstTimestamp = time(value, parser);
                    return firstTimestamp != null || value == JsonToken.VALUE_NULL;
                }
                case "lastTimestamp" -> {
                    lastTimestamp = time(value, parser);
                    return lastTimestamp != null || value == JsonToken.VALUE_NULL;
                }
                case "involvedObject" -> {
                    if (value != JsonToken.START_OBJECT) {
                        return value == JsonToken.VALUE_NULL;
                    }
                    involvedObject = object(parser);
                    return involvedObject != null;
                }
                case "clusterId" -> clusterId = string(value, parser);
                case "agentVersion" -> agentVersion = string(value, parser);
                case "type" -> type = string(value, parser);
                case "reason" -> reason = string(value, parser);
                case "message" -> message = string(value, parser);
                case "eventUid" -> eventUid = string(value, parser);
                case "image" -> image = string(value, parser);
                default -> {
                    parser.skipChildren();
                    return true;
                }
            }
            return true;
        }

        /** The string value, null for JSON null; a value of another type is refused by {@link #set}. */
        private static String string(JsonToken value, JsonParser parser) throws IOException {
            return value == JsonToken.VALUE_STRING ? parser.getText() : null;
        }

        EventRecord record() {
            if (recordType == null || clusterId == null || timestamp == null) {
                return null;
            }
            return new EventRecord(
                    schemaVersion,
                    recordType,
                    clusterId,
                    agentVersion,
                    timestamp,
                    category,
                    type,
                    reason,
                    message,
                    involvedObject,
                    eventUid,
                    count,
                    occurrences,
                    firstTimestamp,
                    lastTimestamp,
                    image);
        }

        private static boolean isText(JsonToken value) {
            return value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL;
        }

        private static boolean isLong(JsonToken value, JsonParser parser) throws IOException {
            return value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
        }

        /** The involved object whose fields are all strings; null for any other. */
        private static InvolvedObject object(JsonParser parser) throws IOException {
            String kind = null;
            String namespace = null;
            String name = null;
            String uid = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean known = field.equals("kind")
                        || field.equals("namespace")
                        || field.equals("name")
                        || field.equals("uid");
                if (!known) {
                    parser.skipChildren();
                    continue;
                }
                if (!isText(value)) {
                    return null;
                }
                String text = string(value, parser);
                switch (field) {
                    case "kind" -> kind = text;
                    case "namespace" -> namespace = text;
                    case "name" -> name = text;
                    default -> uid = text;
                }
            }
            return new InvolvedObject(kind, namespace, name, uid);
        }
    }

    /** A time as agents write it, or null for any other value (the data-binding reader then decides). */
    private static Instant time(JsonToken value, JsonParser parser) throws IOException {
        return value == JsonToken.VALUE_STRING ? Rfc3339.parse(parser.getText()) : null;
    }
}
