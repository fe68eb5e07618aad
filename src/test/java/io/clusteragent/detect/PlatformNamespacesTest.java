package io.clusteragent.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformNamespacesTest {

    private final PlatformNamespaces defaults = PlatformNamespaces.defaults();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "kube-system, Platform",
        "kube-public, Platform",
        "kube-node-lease, Platform",
        "cert-manager-system, Platform",
        "istio-system, Platform",
        "-system, Platform",
        "system, Customer",
        "kube-systems, Customer",
        "shop, Customer",
        "default, Customer"
    })
    void defaultGlobsClassifyNamespaces(String namespace, Category expected) {
        assertThat(defaults.categoryOf(namespace)).isEqualTo(expected);
    }

    @Test
    void clusterScopedResourcesArePlatform() {
        assertThat(defaults.categoryOf(null)).isEqualTo(Category.Platform);
    }

    @Test
    void onlyTheStarIsAWildcardEveryOtherCharacterIsLiteral() {
        PlatformNamespaces globs = PlatformNamespaces.of(List.of("team.a", "ops-*-infra", "[abc]"));

        assertThat(globs.isPlatform("team.a")).isTrue();
        assertThat(globs.isPlatform("teamXa")).isFalse();
        assertThat(globs.isPlatform("ops-eu-west-infra")).isTrue();
        assertThat(globs.isPlatform("ops-infra")).isFalse();
        assertThat(globs.isPlatform("[abc]")).isTrue();
        assertThat(globs.isPlatform("a")).isFalse();
    }

    @Test
    void blankEntriesAreIgnoredAndNoGlobsMakeEverythingCustomer() {
        assertThat(PlatformNamespaces.of(List.of("kube-system", " ", "")).globs())
                .containsExactly("kube-system");
        assertThat(PlatformNamespaces.of(List.of()).categoryOf("kube-system")).isEqualTo(Category.Customer);
    }
}
