package io.clusteragent.detect;

import io.clusteragent.config.DetectorSettings;
import io.clusteragent.config.NamespaceGlobs;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The namespaces whose incidents are Platform rather than Customer, as globs where {@code *} stands
 * for any run of characters and every other character is literal ({@code kube-system}, {@code *-system}).
 */
public final class PlatformNamespaces {

    private final List<String> globs;
    private final Pattern pattern;

    private PlatformNamespaces(List<String> globs) {
        this.globs = globs;
        this.pattern = NamespaceGlobs.compile(globs);
    }

    /** Blank entries are ignored, so a trailing comma in the setting does not make every namespace Platform. */
    public static PlatformNamespaces of(List<String> globs) {
        return new PlatformNamespaces(globs.stream()
                .map(String::strip)
                .filter(glob -> !glob.isEmpty())
                .toList());
    }

    public static PlatformNamespaces defaults() {
        return of(DetectorSettings.DEFAULT_PLATFORM_NAMESPACES);
    }

    public boolean isPlatform(String namespace) {
        return namespace != null
                && !globs.isEmpty()
                && pattern.matcher(namespace).matches();
    }

    /** Cluster-scoped resources (nodes, namespace null) are the platform's. */
    public Category categoryOf(String namespace) {
        return namespace == null || isPlatform(namespace) ? Category.Platform : Category.Customer;
    }

    public List<String> globs() {
        return globs;
    }
}
