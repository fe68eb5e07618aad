package io.clusteragent;

import io.clusteragent.cluster.ShardAssignment;
import io.clusteragent.cluster.WatchedResource;
import io.clusteragent.config.KubeStateSettings;
import io.clusteragent.kubestate.ExpositionFormat;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.clusteragent.kubestate.ResourceSelection;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shard a replica learns at start decides what it renders and what it reports on /metrics. */
class KubeStateReplicaTest {

    private static final int OBJECTS = 60;

    @Test
    void threeReplicasAssignedTheirShardsAtStartRenderEveryObjectExactlyOnce() throws IOException {
        List<String> rendered = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            KubeStateReplica replica = replica();
            KubeStateMetrics metrics = replica.assign(new ShardAssignment(shard, 3), new SimpleMeterRegistry())
                    .orElseThrow();
            for (int i = 0; i < OBJECTS; i++) {
                replica.upsert(WatchedResource.CONFIG_MAPS, configMap("cm-" + i));
            }
            List<String> names = renderedNames(metrics);
            assertThat(names).as("shard %d of 3", shard).isNotEmpty().hasSizeLessThan(OBJECTS);
            rendered.addAll(names);
        }

        assertThat(rendered).doesNotHaveDuplicates().hasSize(OBJECTS);
    }

    @Test
    void theAssignedShardIsWhatMetricsReportsNotTheConfiguredOne() {
        MeterRegistry registry = new SimpleMeterRegistry();

        replica().assign(new ShardAssignment(2, 3), registry);

        assertThat(registry.get("kube_state_metrics_shard_ordinal")
                        .tag("shard_ordinal", "2")
                        .gauge()
                        .value())
                .isEqualTo(2.0);
        assertThat(registry.get("kube_state_metrics_total_shards").gauge().value())
                .isEqualTo(3.0);
    }

    @Test
    void anObjectBeforeTheShardIsKnownFailsRatherThanBeingRenderedForTheWrongShard() {
        KubeStateReplica replica = replica();

        assertThatThrownBy(() -> replica.upsert(WatchedResource.CONFIG_MAPS, configMap("early")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before this replica's shard was known");
    }

    @Test
    void withoutKubeStateResourcesThereIsNothingToShardOrWatch() {
        KubeStateReplica replica = new KubeStateReplica(KubeStateSettings.defaults(), Set.of());
        MeterRegistry registry = new SimpleMeterRegistry();

        assertThat(replica.assign(new ShardAssignment(0, 1), registry)).isEmpty();
        assertThat(replica.feed().resources()).isEmpty();
        assertThat(registry.getMeters()).isEmpty();
    }

    private static KubeStateReplica replica() {
        return new KubeStateReplica(KubeStateSettings.defaults(), Set.of("configmaps"));
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .withUid("uid-" + name)
                .endMetadata()
                .build();
    }

    private static List<String> renderedNames(KubeStateMetrics metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(ResourceSelection.ALL, ExpositionFormat.TEXT, out);
        return out.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("kube_configmap_info{"))
                .map(line -> line.replaceAll(".*configmap=\"([^\"]+)\".*", "$1"))
                .toList();
    }
}
