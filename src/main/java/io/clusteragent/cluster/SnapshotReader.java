package io.clusteragent.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks a dump value by value with a streaming parser and hands each object on as soon as it is
 * read. The items of a List are read one at a time, so memory holds the objects kept and the one
 * being read, never the file: the same code reads the demo and a dump of a 10,000-pod cluster.
 */
final class SnapshotReader {

    private final ObjectMapper trees = new ObjectMapper();
    private final Path file;
    private final Consumer<SnapshotEntry> sink;
    private JsonParser parser;
    private int document;
    /** The value being read, named when the parser fails inside it. */
    private SnapshotPosition reading;
    /** The last value read in full, named when the file turns out to be cut. */
    private SnapshotEntry lastRead;

    private SnapshotReader(Path file, Consumer<SnapshotEntry> sink) {
        this.file = file;
        this.sink = sink;
    }

    /** Hands every top-level object and every List item of {@code file} to {@code sink}, in file order. */
    static void read(Path file, Consumer<SnapshotEntry> sink) {
        new SnapshotReader(file, sink).readAll();
    }

    private void readAll() {
        try (JsonParser opened = SnapshotFormat.open(file)) {
            parser = opened;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                document++;
                reading = position(SnapshotPosition.NOT_AN_ITEM);
                switch (token) {
                    case START_OBJECT -> readDocument();
                    case START_ARRAY ->
                        readItems(trees.createObjectNode()).waiting.forEach(this::hand);
                    default -> readScalarDocument();
                }
            }
        } catch (JsonProcessingException e) {
            throw unparsable(e);
        } catch (YAMLException e) {
            // SnakeYAML's own exceptions sometimes escape Jackson's wrapping; they still get a place.
            throw new SnapshotException(
                    "cannot parse cluster snapshot " + file + ": " + ParseProblem.firstLine(e.getMessage())
                            + (reading == null ? "" : ", inside the value at " + reading),
                    e);
        } catch (IOException e) {
            throw new SnapshotException("cannot read cluster snapshot " + file + ": " + e, e);
        }
    }

    /** An object, or a List whose items stream through while its other fields are kept as its header. */
    private void readDocument() throws IOException {
        SnapshotPosition start = reading;
        ObjectNode header = trees.createObjectNode();
        Items items = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == JsonToken.START_ARRAY && field.equals("items")) {
                items = readItems(header);
                reading = start;
            } else {
                header.set(field, tree());
            }
        }
        if (items == null) {
            hand(new SnapshotEntry(header, start));
        } else if (!header.hasNonNull("kind")) {
            throw truncated(start, items);
        } else {
            items.waiting.forEach(item -> hand(withListDefaults(item, header)));
        }
    }

    /**
     * Items usually name their own kind; those that do not (the NodeMetricsList that metrics-server
     * serves) take it from the List, which may only say what it is after its items.
     */
    private Items readItems(ObjectNode header) throws IOException {
        Items items = new Items();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            reading = position(items.count);
            SnapshotEntry item = new SnapshotEntry(tree(), reading);
            items.count++;
            items.last = item;
            if (!item.tree().isObject() || item.kind() != null) {
                hand(item);
            } else if (header.hasNonNull("kind")) {
                hand(withListDefaults(item, header));
            } else {
                items.waiting.add(item);
            }
        }
        items.endLine = parser.currentLocation().getLineNr();
        return items;
    }

    private void readScalarDocument() throws IOException {
        JsonNode value = tree();
        boolean emptyYamlDocument = value.isTextual() && value.asText().isEmpty();
        if (!emptyYamlDocument) {
            hand(new SnapshotEntry(value, reading));
        }
    }

    private JsonNode tree() throws IOException {
        JsonNode tree = trees.readTree(parser);
        return tree == null ? NullNode.getInstance() : tree;
    }

    private void hand(SnapshotEntry entry) {
        lastRead = entry;
        sink.accept(entry);
    }

    private static SnapshotEntry withListDefaults(SnapshotEntry item, ObjectNode header) {
        String listKind = header.path("kind").asText();
        ObjectNode tree = (ObjectNode) item.tree();
        if (listKind.endsWith("List") && listKind.length() > "List".length()) {
            tree.put("kind", listKind.substring(0, listKind.length() - "List".length()));
            if (!tree.hasNonNull("apiVersion") && header.hasNonNull("apiVersion")) {
                tree.set("apiVersion", header.get("apiVersion"));
            }
        }
        return item;
    }

    private SnapshotPosition position(int item) {
        return new SnapshotPosition(
                document, item, parser.currentTokenLocation().getLineNr());
    }

    /**
     * kubectl writes the keys of a List in order: apiVersion, items, then kind and metadata. A List
     * whose items end the document without a kind was cut after its last complete line, which YAML
     * alone cannot tell from a finished file.
     */
    private SnapshotException truncated(SnapshotPosition list, Items items) {
        return new SnapshotException("cluster snapshot " + file + " looks truncated: the items of the List at " + list
                + " stop at line " + items.endLine + " after " + items.count
                + " item(s), and the `kind: List` and `metadata`"
                + " that kubectl writes after the items never come."
                + (items.last == null ? "" : " The last item read, " + items.last + ", may be incomplete.")
                + " Write the dump again and let kubectl finish.");
    }

    private SnapshotException unparsable(JsonProcessingException e) {
        if (isEncodingProblem(e)) {
            return notUtf8(e);
        }
        if (e.getCause() instanceof ReaderException special) {
            return notYamlText(special, e);
        }
        ParseProblem problem = ParseProblem.of(e, parser == null ? null : parser.currentLocation());
        return new SnapshotException(
                "cannot parse cluster snapshot " + file + ": " + problem.text()
                        + (reading == null ? "" : ", inside the value at " + reading)
                        + (problem.endOfInput()
                                ? "; the file ends in the middle of a value, so it looks truncated"
                                : "")
                        + ". "
                        + (lastRead == null
                                ? "No object was read before it."
                                : "The last value read in full is " + lastRead + "."),
                e);
    }

    /** SnakeYAML checks characters as it buffers them, ahead of the value being parsed: only the offset says where. */
    private SnapshotException notYamlText(ReaderException special, JsonProcessingException e) {
        String where;
        try {
            where = FileText.lineAndColumn(file, special.getPosition());
        } catch (IOException readAgain) {
            e.addSuppressed(readAgain);
            where = "character " + special.getPosition();
        }
        return new SnapshotException(
                String.format(
                        "cannot parse cluster snapshot %s: it holds a character YAML does not allow, U+%04X at %s."
                                + " kubectl never writes one; is the file damaged?",
                        file, special.getCodePoint(), where),
                e);
    }

    private SnapshotException notUtf8(JsonProcessingException e) {
        try {
            String where = FileText.firstInvalidByte(file).orElse("a byte the parser refused");
            return new SnapshotException(
                    "cluster snapshot " + file + " is not UTF-8 text: " + where
                            + " is not valid UTF-8. kubectl writes UTF-8 YAML or JSON; is this the dump?",
                    e);
        } catch (IOException readAgain) {
            e.addSuppressed(readAgain);
            return new SnapshotException(
                    "cluster snapshot " + file + " is not UTF-8 text: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean isEncodingProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CharConversionException
                    || String.valueOf(cause.getMessage()).contains("Invalid UTF-8")) {
                return true;
            }
        }
        return false;
    }

    private static final class Items {
        private int count;
        private int endLine;
        private SnapshotEntry last;
        private final List<SnapshotEntry> waiting = new ArrayList<>();
    }
}
