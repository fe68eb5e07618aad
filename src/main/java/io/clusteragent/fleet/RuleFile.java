package io.clusteragent.fleet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clusteragent.detect.IncidentSeverity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rules file ({@code FLEET_RULES_FILE}, YAML or JSON; format in docs/anomaly-records.md) into a checked
 * {@link RuleSet}. Without a file the analyzer runs the built-in rules, which are the resource
 * {@code fleet/default-rules.yaml} read the same way. Unknown fields are errors, so a misspelt field fails start-up
 * instead of silently keeping its default.
 */
public final class RuleFile {

    /** How long after a window's end a record still counts, unless a rule says otherwise. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);

    static final String DEFAULTS_RESOURCE = "/fleet/default-rules.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RuleFile() {}

    /** The rules of {@code file}, or the built-in rules when there is none. */
    public static RuleSet load(Optional<Path> file) {
        return file.map(RuleFile::read).orElseGet(RuleFile::defaults);
    }

    public static RuleSet defaults() {
        try (InputStream in = RuleFile.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            return parse(in.readAllBytes(), "built-in rules");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException naming the file, the rule and what is wrong with it */
    public static RuleSet read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read rules file " + file + ": " + e.getMessage(), e);
        }
    }

    static RuleSet parse(byte[] content, String source) {
        Document document;
        try {
            document = YAML.readValue(content, Document.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (document == null || document.rules() == null) {
            throw new IllegalArgumentException(source + ": no 'rules' list");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < document.rules().size(); i++) {
            try {
                rules.add(document.rules().get(i).toRule());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(source + ": rule " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        try {
            return new RuleSet(rules);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    record Document(List<Entry> rules) {}

    /** One rule as written; absent optional fields take their defaults here. */
    record Entry(
            String name,
            List<String> reasons,
            List<String> kinds,
            List<Dimension> groupBy,
            Measure count,
            Long atLeast,
            String window,
            String advance,
            String grace,
            IncidentSeverity severity) {

        Rule toRule() {
            if (atLeast == null || window == null || groupBy == null || count == null) {
                throw new IllegalArgumentException("name, groupBy, count, atLeast and window are required");
            }
            Duration size = duration("window", window);
            return new Rule(
                    name,
                    reasons == null ? Set.of() : Set.copyOf(reasons),
                    kinds == null ? Set.of() : Set.copyOf(kinds),
                    groupBy,
                    count,
                    atLeast,
                    size,
                    advance == null ? size : duration("advance", advance),
                    grace == null ? DEFAULT_GRACE : duration("grace", grace),
                    severity == null ? IncidentSeverity.MEDIUM : severity);
        }

        /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, or {@code 0} for no grace. */
        private static Duration duration(String field, String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (text.equals("0")) {
                    return Duration.ZERO;
                }
                if (text.matches("\\d+ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                return Duration.parse("PT" + text);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        field + " '" + value + "' is not a duration such as 500ms, 30s, 5m or 1h30m");
            }
        }
    }
}
