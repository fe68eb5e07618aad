package io.clusteragent.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3.1 document read as a JSON tree, with its schemas validated by the OpenAPI 3.1 dialect
 * of JSON Schema 2020-12. Schemas are addressed by JSON pointers into the document, so a
 * {@code #/components/...} reference inside any of them resolves against the document itself, which
 * is served to the validator from memory.
 */
public final class OpenApiDocument {

    public static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final String IRI = "https://cluster-agent.invalid/openapi.json";
    private static final List<String> DOCUMENT_KEYWORDS = List.of(
            "openapi", "info", "jsonSchemaDialect", "servers", "tags", "paths", "components", "webhooks", "security");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private final JsonNode root;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The document's own sections and its vendor extensions are not schema keywords.
        JsonMetaSchema.Builder dialect = JsonMetaSchema.builder(OpenApi31.getInstance());
        DOCUMENT_KEYWORDS.forEach(keyword -> dialect.keyword(new NonValidationKeyword(keyword)));
        dialect.keyword(new AnnotationKeyword("x-enumDescriptions"));
        JsonMetaSchema metaSchema = dialect.build();
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(metaSchema)
                        .defaultMetaSchemaIri(metaSchema.getIri())
                        .schemaLoaders(loaders -> loaders.schemas(Map.of(IRI, json))));
        this.config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
    }

    public static OpenApiDocument load(Path file) {
        try {
            return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** The node at a JSON pointer, missing if there is none. */
    public JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** The pointer reached from {@code pointer} by following local {@code $ref}s. */
    public String resolve(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 16; hops++) {
            JsonNode ref = root.at(current).get("$ref");
            if (ref == null || !ref.isTextual()) {
                return current;
            }
            if (!ref.asText().startsWith("#/")) {
                throw new IllegalStateException(
                        "only local references are supported, got " + ref.asText() + " at " + current);
            }
            current = ref.asText().substring(1);
        }
        throw new IllegalStateException("reference loop at " + pointer);
    }

    /** Every documented operation as {@code "GET /path"}. */
    public Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        forEachOperation((template, method) -> operations.add(method.toUpperCase(Locale.ROOT) + " " + template));
        return operations;
    }

    /** Every documented response as {@code "GET /path 200"}. */
    public Set<String> responses() {
        Set<String> responses = new LinkedHashSet<>();
        forEachOperation((template, method) -> root.at(operationPointer(template, method) + "/responses")
                .fieldNames()
                .forEachRemaining(
                        status -> responses.add(method.toUpperCase(Locale.ROOT) + " " + template + " " + status)));
        return responses;
    }

    /** The documented path template a request path falls under, with its path parameters. */
    public Optional<PathMatch> match(String path) {
        Iterator<String> templates = root.path("paths").fieldNames();
        while (templates.hasNext()) {
            String template = templates.next();
            List<String> names = new ArrayList<>();
            Matcher parameter = TEMPLATE_PARAMETER.matcher(template);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (parameter.find()) {
                regex.append(Pattern.quote(template.substring(last, parameter.start())))
                        .append("([^/]+)");
                names.add(parameter.group(1));
                last = parameter.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            Matcher matcher = Pattern.compile(regex.toString()).matcher(path);
            if (matcher.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    values.put(names.get(i), matcher.group(i + 1));
                }
                return Optional.of(new PathMatch(template, values));
            }
        }
        return Optional.empty();
    }

    public String operationPointer(String template, String method) {
        return "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT);
    }

    /** The resolved pointer of a documented response, empty when the status is not documented. */
    public Optional<String> response(String template, String method, int status) {
        String pointer = operationPointer(template, method) + "/responses/" + status;
        return root.at(pointer).isMissingNode() ? Optional.empty() : Optional.of(resolve(pointer));
    }

    /** The resolved pointers of an operation's parameters (path-level and operation-level), by {@code in:name}. */
    public Map<String, String> parameters(String template, String method) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String base : List.of("/paths/" + escape(template), operationPointer(template, method))) {
            JsonNode list = root.at(base + "/parameters");
            for (int i = 0; i < list.size(); i++) {
                String pointer = resolve(base + "/parameters/" + i);
                JsonNode parameter = root.at(pointer);
                parameters.put(
                        parameter.path("in").asText() + ":"
                                + parameter.path("name").asText(),
                        pointer);
            }
        }
        return parameters;
    }

    /** Validates an instance against the schema at a pointer; the messages, empty when it conforms. */
    public List<String> validate(String schemaPointer, JsonNode instance) {
        String pointer = resolve(schemaPointer);
        if (root.at(pointer).isMissingNode()) {
            throw new IllegalArgumentException("no schema at " + pointer);
        }
        JsonSchema schema = schemas.computeIfAbsent(
                pointer, p -> factory.getSchema(SchemaLocation.of(IRI + "#" + encodeFragment(p)), config));
        List<String> messages = new ArrayList<>();
        for (ValidationMessage message : schema.validate(instance)) {
            messages.add(message.getMessage());
        }
        return messages;
    }

    /** A JSON pointer token for a key. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String encodeFragment(String pointer) {
        return pointer.replace("%", "%25")
                .replace("{", "%7B")
                .replace("}", "%7D")
                .replace(" ", "%20");
    }

    private void forEachOperation(java.util.function.BiConsumer<String, String> action) {
        root.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    action.accept(path.getKey(), method);
                }
            }
        });
    }

    /** A request path matched to a documented template. */
    public record PathMatch(String template, Map<String, String> parameters) {}
}
