package io.clusteragent.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The Agent Service's {@code IncidentSignal} as a JSON Schema, with formats asserted, not just annotated. */
public final class ContractSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private ContractSchema() {
    }

    /** The violations, empty when the payload would be accepted. */
    public static List<String> violations(byte[] payload) {
        try {
            return violations(JSON.readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> violations(JsonNode payload) {
        return SCHEMA.validate(payload).stream().map(ValidationMessage::getMessage).toList();
    }

    public static JsonNode tree(byte[] payload) throws IOException {
        return JSON.readTree(payload);
    }

    private static JsonSchema load() {
        try (InputStream schema = ContractSchema.class.getResourceAsStream("/publish/incident-signal.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
