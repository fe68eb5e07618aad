package io.clusteragent.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** KUBE_STATE_RESOURCES: which resources kube-state metrics cover, and so which ones are watched for them. */
class KubeStateResourcesSettingTest {

    @Test
    void byDefaultEveryResourceButSecretsIsCovered() {
        assertThat(AgentConfig.defaults().kubeStateResources())
                .contains("pods", "cronjobs", "endpointslices", "leases", "limitranges")
                .doesNotContain("secrets", "events")
                .hasSize(KubeStateResources.ALL.size() - 1);
    }

    @Test
    void aListNamesTheResourcesInTheOrderGiven() {
        AgentConfig config = AgentConfig.fromMap(Map.of("KUBE_STATE_RESOURCES", "secrets, pods,services"), List.of());

        assertThat(config.kubeStateResources()).containsExactly("secrets", "pods", "services");
    }

    @Test
    void anEmptyValueTurnsKubeStateMetricsOffByVariableAndByFlag() {
        assertThat(AgentConfig.fromMap(Map.of("KUBE_STATE_RESOURCES", ""), List.of())
                        .kubeStateResources())
                .isEmpty();
        assertThat(AgentConfig.fromMap(Map.of(), List.of("--kube-state-resources="))
                        .kubeStateResources())
                .isEmpty();
        assertThat(AgentConfig.fromMap(Map.of("KUBE_STATE_RESOURCES", "pods"), List.of("--kube-state-resources", ""))
                        .kubeStateResources())
                .isEmpty();
    }

    @Test
    void anUnknownNameIsRejectedNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("KUBE_STATE_RESOURCES", "pods,events"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("KUBE_STATE_RESOURCES (--kube-state-resources)")
                .hasMessageContaining("'events'")
                .hasMessageContaining("pods, nodes, namespaces")
                .hasMessageContaining("secrets");
    }

    @Test
    void anEmptyValueLeavesOtherSettingsAtTheirDefault() {
        assertThat(AgentConfig.fromMap(Map.of("PORT", "", "KUBE_STATE_RESOURCES", ""), List.of())
                        .port())
                .isEqualTo(8080);
    }
}
