package io.clusteragent.forwarding;

import io.clusteragent.config.CategoryRule;
import io.clusteragent.detect.Category;
import io.clusteragent.detect.PlatformNamespaces;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Platform or Customer, by the ordered rules of EVENT_CATEGORY_RULES: the first rule that matches
 * decides, and an event no rule matches is Customer's. PLATFORM_NAMESPACES is one of the rules (the
 * same globs the detectors classify incidents by), so an event and an incident about one object agree.
 */
final class EventClassifier {

    private final List<CategoryRule> rules;
    private final PlatformNamespaces platformNamespaces;
    private final Function<String, Map<String, String>> namespaceLabels;

    /** @param namespaceLabels a namespace's labels from the cache; empty when it is not there */
    EventClassifier(
            List<CategoryRule> rules,
            PlatformNamespaces platformNamespaces,
            Function<String, Map<String, String>> namespaceLabels) {
        this.rules = List.copyOf(rules);
        this.platformNamespaces = platformNamespaces;
        this.namespaceLabels = namespaceLabels;
    }

    /**
     * @param namespace  the involved object's namespace; null for cluster-scoped objects
     * @param controller the event's reportingController, or its source.component
     */
    Category categoryOf(String namespace, String controller) {
        for (CategoryRule rule : rules) {
            if (matches(rule, namespace, controller)) {
                return Category.valueOf(rule.category());
            }
        }
        return Category.Customer;
    }

    private boolean matches(CategoryRule rule, String namespace, String controller) {
        return switch (rule.field()) {
            case PLATFORM_NAMESPACES -> namespace == null || platformNamespaces.isPlatform(namespace);
            case NAMESPACE ->
                namespace != null && rule.pattern().matcher(namespace).matches();
            case CONTROLLER ->
                controller != null && rule.pattern().matcher(controller).matches();
            case NAMESPACE_LABEL -> {
                String value = namespace == null
                        ? null
                        : namespaceLabels.apply(namespace).get(rule.labelKey());
                yield value != null && rule.pattern().matcher(value).matches();
            }
        };
    }
}
