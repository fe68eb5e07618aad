package io.clusteragent.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule of EVENT_CATEGORY_RULES: when the field of a forwarded event matches, it is of the category.
 *
 * @param category  {@code Platform} or {@code Customer}, as the record's category field writes it
 * @param field     what the pattern is matched against
 * @param labelKey  the namespace label's key, for {@link Field#NAMESPACE_LABEL} only
 * @param pattern   matched against the whole value; unused for {@link Field#PLATFORM_NAMESPACES}
 * @param source    the rule as written, for messages and the start-up log
 */
public record CategoryRule(String category, Field field, String labelKey, Pattern pattern, String source) {

    public static final String PLATFORM = "Platform";
    public static final String CUSTOMER = "Customer";

    /** Where PLATFORM_NAMESPACES stands in the list when the rules do not place it. */
    public static CategoryRule platformNamespaces() {
        return new CategoryRule(
                PLATFORM, Field.PLATFORM_NAMESPACES, null, null, CategoryRuleSyntax.PLATFORM_NAMESPACES);
    }

    public CategoryRule {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(field, "field");
    }

    public enum Field {
        /** The involved object's namespace. */
        NAMESPACE,
        /** A label of the involved object's namespace, from the namespace cache. */
        NAMESPACE_LABEL,
        /** The event's reportingController, or its source.component when it has none. */
        CONTROLLER,
        /** The namespaces PLATFORM_NAMESPACES names, and cluster-scoped objects such as nodes: Platform. */
        PLATFORM_NAMESPACES
    }

    @Override
    public String toString() {
        return source;
    }
}
