package io.clusteragent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * EVENT_CATEGORY_RULES: rules separated by {@code ;}, tried in order, the first match deciding. A rule is
 * {@code Category:field=glob} or {@code Category:field~regex}, where the category is {@code Platform} or
 * {@code Customer} and the field {@code namespace}, {@code namespaceLabel.<key>} or {@code controller};
 * globs have {@code *} only, regexes are Java's, both matched against the whole value. The word
 * {@code platform-namespaces} places the PLATFORM_NAMESPACES rule; without it, that rule comes last.
 * Every mistake fails start-up naming the rule, rather than a rule that silently never matches.
 */
final class CategoryRuleSyntax {

    static final String PLATFORM_NAMESPACES = "platform-namespaces";
    private static final String LABEL_PREFIX = "namespaceLabel.";
    private static final Pattern LABEL_KEY =
            Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private CategoryRuleSyntax() {}

    static List<CategoryRule> parse(String value, String setting) {
        List<CategoryRule> rules = new ArrayList<>();
        for (String written : value.split(";")) {
            String rule = written.strip();
            if (!rule.isEmpty()) {
                rules.add(rule(rule, setting));
            }
        }
        if (rules.stream().noneMatch(r -> r.field() == CategoryRule.Field.PLATFORM_NAMESPACES)) {
            rules.add(CategoryRule.platformNamespaces());
        }
        return List.copyOf(rules);
    }

    private static CategoryRule rule(String rule, String setting) {
        if (rule.equals(PLATFORM_NAMESPACES)) {
            return CategoryRule.platformNamespaces();
        }
        int colon = rule.indexOf(':');
        int operator = indexOfOperator(rule, colon + 1);
        if (colon < 0 || operator < 0) {
            throw invalid(setting, rule, "expected Category:field=glob or Category:field~regex");
        }
        String category = rule.substring(0, colon).strip();
        if (!category.equals(CategoryRule.PLATFORM) && !category.equals(CategoryRule.CUSTOMER)) {
            throw invalid(setting, rule, "the category must be Platform or Customer, not '" + category + "'");
        }
        String field = rule.substring(colon + 1, operator).strip();
        String pattern = rule.substring(operator + 1).strip();
        if (pattern.isEmpty()) {
            throw invalid(setting, rule, "the pattern is empty");
        }
        Pattern compiled =
                rule.charAt(operator) == '=' ? NamespaceGlobs.compile(List.of(pattern)) : regex(pattern, setting, rule);
        if (field.equals("namespace")) {
            return new CategoryRule(category, CategoryRule.Field.NAMESPACE, null, compiled, rule);
        }
        if (field.equals("controller")) {
            return new CategoryRule(category, CategoryRule.Field.CONTROLLER, null, compiled, rule);
        }
        if (field.startsWith(LABEL_PREFIX)) {
            String key = field.substring(LABEL_PREFIX.length());
            if (!LABEL_KEY.matcher(key).matches()) {
                throw invalid(setting, rule, "'" + key + "' is not a label key");
            }
            return new CategoryRule(category, CategoryRule.Field.NAMESPACE_LABEL, key, compiled, rule);
        }
        throw invalid(
                setting, rule, "unknown field '" + field + "'; expected namespace, namespaceLabel.<key> or controller");
    }

    private static int indexOfOperator(String rule, int from) {
        for (int i = from; i < rule.length(); i++) {
            if (rule.charAt(i) == '=' || rule.charAt(i) == '~') {
                return i;
            }
        }
        return -1;
    }

    private static Pattern regex(String regex, String setting, String rule) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw invalid(setting, rule, "invalid regex: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static ConfigException invalid(String setting, String rule, String why) {
        return new ConfigException(setting + ": rule '" + rule + "': " + why);
    }
}
