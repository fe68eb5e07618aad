package io.clusteragent.forwarding;

import io.clusteragent.config.AgentConfig;
import io.clusteragent.detect.Category;
import io.clusteragent.detect.PlatformNamespaces;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ordered rules, first match wins, unmatched is Customer; PLATFORM_NAMESPACES is one of the rules. */
class EventClassifierTest {

    private static final Map<String, Map<String, String>> LABELS =
            Map.of("payments-infra", Map.of("platform.example.com/tier", "infra"));

    private static EventClassifier classifier(String rules, String platformNamespaces) {
        AgentConfig config = AgentConfig.fromMap(
                Map.of("EVENT_CATEGORY_RULES", rules, "PLATFORM_NAMESPACES", platformNamespaces), List.of());
        return new EventClassifier(
                config.forwarding().categoryRules(),
                PlatformNamespaces.of(config.detection().platformNamespaces()),
                ns -> LABELS.getOrDefault(ns, Map.of()));
    }

    @Test
    void withoutRulesThePlatformNamespacesAndClusterScopedObjectsArePlatformAndTheRestCustomer() {
        EventClassifier defaults = classifier("", "kube-system,*-system");

        assertThat(defaults.categoryOf("kube-system", "kubelet")).isEqualTo(Category.Platform);
        assertThat(defaults.categoryOf("gatekeeper-system", null)).isEqualTo(Category.Platform);
        assertThat(defaults.categoryOf(null, "node-controller")).isEqualTo(Category.Platform);
        assertThat(defaults.categoryOf("shop", "kubelet")).isEqualTo(Category.Customer);
    }

    @Test
    void theFirstMatchingRuleWinsSoARuleBeforePlatformNamespacesCanOverrideIt() {
        EventClassifier rules = classifier("Customer:namespace=tenant-*-system; platform-namespaces", "*-system");

        assertThat(rules.categoryOf("tenant-a-system", null)).isEqualTo(Category.Customer);
        assertThat(rules.categoryOf("istio-system", null)).isEqualTo(Category.Platform);
    }

    @Test
    void namespaceLabelsAndControllersAndRegexesClassify() {
        EventClassifier rules = classifier(
                "Platform:namespaceLabel.platform.example.com/tier=infra;Platform:controller~(cert-manager|karpenter).*;"
                        + "Customer:namespace~user-[0-9]+",
                "kube-system");

        assertThat(rules.categoryOf("payments-infra", "kubelet")).isEqualTo(Category.Platform);
        assertThat(rules.categoryOf("shop", "karpenter-controller")).isEqualTo(Category.Platform);
        assertThat(rules.categoryOf("user-42", "kubelet")).isEqualTo(Category.Customer);
        assertThat(rules.categoryOf("shop", "kubelet")).as("unmatched").isEqualTo(Category.Customer);
    }

    @Test
    void aRegexMatchesTheWholeValueNotAPart() {
        EventClassifier rules = classifier("Platform:namespace~infra", "kube-system");

        assertThat(rules.categoryOf("shop-infra-tools", null)).isEqualTo(Category.Customer);
        assertThat(rules.categoryOf("infra", null)).isEqualTo(Category.Platform);
    }
}
