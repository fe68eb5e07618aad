package io.clusteragent.kubestate;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which families are served: kube-state-metrics' allow/deny list ({@code pkg/allowdenylist}) and opt-in filter
 * ({@code pkg/optin}) composed. Entries are regexes that may match anywhere in the name, as there
 * ({@code MatchString} is unanchored): {@code kube_pod_info} keeps {@code kube_pod_info_x} too.
 */
final class FamilyFilter {

    private final List<Pattern> list;
    private final boolean isAllowList;
    private final List<Pattern> optIn;

    private FamilyFilter(List<Pattern> list, boolean isAllowList, List<Pattern> optIn) {
        this.list = list;
        this.isAllowList = isAllowList;
        this.optIn = optIn;
    }

    /** @throws IllegalArgumentException when both lists are set */
    static FamilyFilter of(Collection<String> allow, Collection<String> deny, Collection<String> optIn) {
        if (!allow.isEmpty() && !deny.isEmpty()) {
            throw new IllegalArgumentException(
                    "allowlist and denylist are both set, they are mutually exclusive, only one of them can be set");
        }
        boolean isAllowList = !allow.isEmpty();
        return new FamilyFilter(compile(isAllowList ? allow : deny), isAllowList, compile(optIn));
    }

    static FamilyFilter all() {
        return of(List.of(), List.of(), List.of());
    }

    boolean test(FamilyGenerator<?> family) {
        boolean listed = matchesAny(list, family.name());
        boolean allowed = isAllowList == listed;
        return allowed && (!family.optIn() || matchesAny(optIn, family.name()));
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(name).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(Collection<String> regexes) {
        return regexes.stream().map(Pattern::compile).toList();
    }
}
