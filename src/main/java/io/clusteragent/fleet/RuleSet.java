package io.clusteragent.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules one analyzer runs; their names are unique, because they name internal topics and stores. */
public record RuleSet(List<Rule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a rule set needs at least one rule");
        }
        Set<String> names = new HashSet<>();
        for (Rule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("rule name '" + rule.name() + "' is used twice");
            }
        }
    }

    public Rule named(String name) {
        return rules.stream()
                .filter(rule -> rule.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule named " + name));
    }
}
