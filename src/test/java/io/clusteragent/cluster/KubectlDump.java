package io.clusteragent.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes objects as {@code kubectl get ... -o yaml|json} does: a v1 List with the items first and
 * {@code kind} and {@code metadata} after them, one object at a time, so a test can write a dump of
 * any size without holding its text.
 */
public final class KubectlDump {

    private KubectlDump() {}

    public static Path yaml(Path file, Iterable<? extends HasMetadata> objects) throws IOException {
        return write(
                file,
                YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .build(),
                objects);
    }

    public static Path json(Path file, Iterable<? extends HasMetadata> objects) throws IOException {
        return write(file, new JsonFactory(), objects);
    }

    private static Path write(Path file, JsonFactory format, Iterable<? extends HasMetadata> objects)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper(format);
        new KubernetesSerialization(mapper, false);
        mapper.enable(SerializationFeature.INDENT_OUTPUT);
        try (Writer out = Files.newBufferedWriter(file);
                JsonGenerator list = mapper.createGenerator(out)) {
            list.useDefaultPrettyPrinter();
            list.writeStartObject();
            list.writeStringField("apiVersion", "v1");
            list.writeArrayFieldStart("items");
            for (HasMetadata object : objects) {
                mapper.writeValue(list, object);
            }
            list.writeEndArray();
            list.writeStringField("kind", "List");
            list.writeObjectFieldStart("metadata");
            list.writeStringField("resourceVersion", "");
            list.writeEndObject();
            list.writeEndObject();
        }
        return file;
    }
}
