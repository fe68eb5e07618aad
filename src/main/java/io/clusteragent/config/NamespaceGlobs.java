package io.clusteragent.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Namespace globs as PLATFORM_NAMESPACES and EVENT_CATEGORY_RULES write them: {@code *} stands for any run
 * of characters and every other character is literal ({@code kube-system}, {@code *-system}).
 */
public final class NamespaceGlobs {

    private NamespaceGlobs() {}

    /** One pattern matching a whole name that matches any of {@code globs}; none matches nothing. */
    public static Pattern compile(List<String> globs) {
        if (globs.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        return Pattern.compile(globs.stream().map(NamespaceGlobs::regex).collect(Collectors.joining("|")));
    }

    private static String regex(String glob) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', start)) {
            regex.append(Pattern.quote(glob.substring(start, star))).append(".*");
            start = star + 1;
        }
        return regex.append(Pattern.quote(glob.substring(start))).toString();
    }
}
