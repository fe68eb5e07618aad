package io.clusteragent.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchScopeSettingTest {

    @Test
    void theWholeClusterIsWatchedUnlessANodeScopeIsAskedFor() {
        assertThat(AgentConfig.fromMap(Map.of("NODE_NAME", "worker-1"), List.of())
                        .watchedNode())
                .isEmpty();
    }

    @Test
    void aNodeScopeWatchesTheNodeNodeNameNames() {
        AgentConfig config = AgentConfig.fromMap(Map.of("WATCH_SCOPE", "node", "NODE_NAME", "worker-1"), List.of());

        assertThat(config.watchedNode()).contains("worker-1");
        assertThat(config.toString()).contains("watchScope=node:worker-1");
    }

    @Test
    void aNodeScopeWithoutANodeStopsStartUpNamingWhatIsMissing() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of(), List.of("--watch-scope", "node")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("WATCH_SCOPE=node needs NODE_NAME");
    }

    @Test
    void aDumpIsNeverNarrowed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path dump = java.nio.file.Files.writeString(dir.resolve("dump.json"), "{}");

        assertThatThrownBy(() -> AgentConfig.fromMap(
                        Map.of("WATCH_SCOPE", "node", "NODE_NAME", "worker-1", "CLUSTER_SNAPSHOT", dump.toString()),
                        List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot be used with CLUSTER_SNAPSHOT");
    }

    @Test
    void anUnknownScopeIsRefused() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("WATCH_SCOPE", "zone"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("WATCH_SCOPE");
    }
}
