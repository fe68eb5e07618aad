package io.clusteragent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AUTH_MODE and its companions: on in a cluster, off with a dump or outside one, and never asked of a dump. */
class AuthSettingsTest {

    private static final Map<String, String> IN_A_CLUSTER = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1");

    @Test
    void autoAuthenticatesInAClusterOnly(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("dump.yaml"), "apiVersion: v1\nkind: List\nitems: []\n");

        assertThat(AgentConfig.defaults().auth().mode()).isEqualTo(AuthSettings.Mode.NONE);
        assertThat(AgentConfig.fromMap(IN_A_CLUSTER, List.of()).auth().mode()).isEqualTo(AuthSettings.Mode.KUBERNETES);
        assertThat(AgentConfig.fromMap(IN_A_CLUSTER, List.of("--snapshot", dump.toString()))
                        .auth()
                        .mode())
                .isEqualTo(AuthSettings.Mode.NONE);
        assertThat(AgentConfig.fromMap(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "AUTH_MODE", "none"), List.of())
                        .auth()
                        .enabled())
                .isFalse();
        assertThat(AgentConfig.fromMap(Map.of(), List.of("--auth-mode", "kubernetes"))
                        .auth()
                        .enabled())
                .isTrue();
    }

    @Test
    void kubernetesWithADumpFailsStartUp(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("dump.yaml"), "apiVersion: v1\nkind: List\nitems: []\n");

        assertThatThrownBy(() -> AgentConfig.fromMap(
                        Map.of("AUTH_MODE", "kubernetes", "CLUSTER_SNAPSHOT", dump.toString()), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AUTH_MODE=kubernetes")
                .hasMessageContaining("CLUSTER_SNAPSHOT");
    }

    @Test
    void readsItsCompanionsAndWaitsNoLongerThanK8sTimeout() {
        AuthSettings auth = AgentConfig.fromMap(
                        Map.of(
                                "AUTH_MODE", "kubernetes",
                                "AUTH_AUDIENCES", "cluster-agent, https://kubernetes.default.svc",
                                "AUTH_CACHE_ALLOWED_TTL", "2m",
                                "AUTH_CACHE_DENIED_TTL", "5s",
                                "AUTH_CACHE_SIZE", "50",
                                "RATE_LIMIT_PER_USER", "20",
                                "K8S_TIMEOUT", "2s"),
                        List.of())
                .auth();

        assertThat(auth.audiences()).containsExactly("cluster-agent", "https://kubernetes.default.svc");
        assertThat(auth.allowedTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(auth.deniedTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(auth.cacheSize()).isEqualTo(50);
        assertThat(auth.ratePerUser()).isEqualTo(20);
        assertThat(auth.reviewTimeout()).as("K8S_TIMEOUT is shorter").isEqualTo(Duration.ofSeconds(2));
        assertThat(AgentConfig.defaults().auth().reviewTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void malformedValuesNameTheSetting() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("AUTH_MODE", "rbac"), List.of()))
                .hasMessageContaining("AUTH_MODE (--auth-mode)")
                .hasMessageContaining("auto | kubernetes | none");
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("RATE_LIMIT_PER_USER", "-1"), List.of()))
                .hasMessageContaining("RATE_LIMIT_PER_USER");
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("AUTH_CACHE_SIZE", "0"), List.of()))
                .hasMessageContaining("AUTH_CACHE_SIZE");
    }
}
