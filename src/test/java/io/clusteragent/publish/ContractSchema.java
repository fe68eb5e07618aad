package io.clusteragent.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Agent Service's {@code IncidentSignal}, read from where users find it ({@code docs/openapi.yaml},
 * {@code components/schemas/IncidentSignal}), validated as JSON Schema 2020-12 with formats asserted.
 */
public final class ContractSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private ContractSchema() {}

    /** The violations, empty when the payload would be accepted. */
    public static List<String> violations(byte[] payload) {
        try {
            return violations(JSON.readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> violations(JsonNode payload) {
        return SCHEMA.validate(payload).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    public static JsonNode tree(byte[] payload) throws IOException {
        return JSON.readTree(payload);
    }

    private static JsonSchema load() {
        try {
            JsonNode document = new ObjectMapper(new YAMLFactory())
                    .readTree(Path.of("docs/openapi.yaml").toFile());
            ObjectNode schema = ((ObjectNode) document.at("/components/schemas/IncidentSignal")).deepCopy();
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
