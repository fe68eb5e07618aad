package io.clusteragent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SHARD_FROM_STATEFULSET: kube-state-metrics' automatic sharding, read from the live cluster at start. */
class ShardFromStatefulSetSettingTest {

    @Test
    void isOffByDefaultAndTurnedOnByItsVariableOrFlag() {
        assertThat(AgentConfig.defaults().shardFromStatefulSet()).isFalse();
        assertThat(AgentConfig.fromMap(Map.of("SHARD_FROM_STATEFULSET", "true"), List.of())
                        .shardFromStatefulSet())
                .isTrue();
        assertThat(AgentConfig.fromMap(Map.of(), List.of("--shard-from-statefulset", "true"))
                        .shardFromStatefulSet())
                .isTrue();
    }

    @Test
    void aShardSetByHandAsWellFailsStartUpRatherThanBeingOverruled() {
        assertThatThrownBy(() -> AgentConfig.fromMap(
                        Map.of("SHARD_FROM_STATEFULSET", "true", "SHARD", "1", "TOTAL_SHARDS", "3"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "SHARD_FROM_STATEFULSET reads SHARD and TOTAL_SHARDS from this pod's StatefulSet");
        assertThatThrownBy(() ->
                        AgentConfig.fromMap(Map.of("SHARD_FROM_STATEFULSET", "true", "TOTAL_SHARDS", "2"), List.of()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void aDumpHasNoStatefulSetToShardFrom(@TempDir Path directory) throws Exception {
        Path dump = Files.writeString(directory.resolve("cluster.yaml"), "items: []\n");

        assertThatThrownBy(() -> AgentConfig.fromMap(
                        Map.of("SHARD_FROM_STATEFULSET", "true", "CLUSTER_SNAPSHOT", dump.toString()), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot be used with CLUSTER_SNAPSHOT");
    }
}
