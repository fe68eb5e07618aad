package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotLoaderTest {

    private static final Instant LOADED = Instant.parse("2026-01-15T12:00:00Z");
    private final SnapshotLoader loader = new SnapshotLoader();

    @Test
    void loadsAKubectlListWithMetricsAndIndexesIt() {
        ClusterState state = loader.load(resource("small-list.yaml"), LOADED);

        Pod pod = state.pod("shop", "web-1").orElseThrow();
        assertThat(state.podsOnNode("node-a")).containsExactly(pod);
        assertThat(state.podsInNamespace("shop")).containsExactly(pod);
        assertThat(state.nodeMetrics("node-a")).isPresent();
        assertThat(state.metricsStatus().available()).isTrue();
    }

    @Test
    void eventsOfAnEarlierPodWithTheSameNameAreNotAttributedToIt() {
        ClusterState state = loader.load(resource("small-list.yaml"), LOADED);

        Pod pod = state.pod("shop", "web-1").orElseThrow();
        assertThat(state.eventsFor(pod)).extracting(e -> e.getReason()).containsExactly("Started");
    }

    @Test
    void managedFieldsAreStrippedBeforeCaching() {
        ClusterState state = loader.load(resource("small-list.yaml"), LOADED);

        assertThat(state.node("node-a").orElseThrow().getMetadata().getManagedFields()).isNullOrEmpty();
    }

    @Test
    void unknownKindsAreSkipped() {
        ClusterState state = loader.load(resource("small-list.yaml"), LOADED);

        assertThat(state.pods()).hasSize(1);
        assertThat(state.nodes()).hasSize(1);
    }

    @Test
    void readsMultiDocumentYaml() {
        ClusterState state = loader.load(resource("multi-document.yaml"), LOADED);

        assertThat(state.namespace("shop")).isPresent();
        assertThat(state.pod("shop", "web-1")).isPresent();
        assertThat(state.metricsStatus().available()).isFalse();
    }

    @Test
    void readsMetricsListsAppendedFromKubectlGetRaw() {
        ClusterState state = loader.load(resource("with-raw-metrics.yaml"), LOADED);

        assertThat(state.nodeMetrics("node-a")).isPresent();
        assertThat(state.podMetrics("shop", "web-1")).isPresent();
        assertThat(state.metricsStatus().available()).isTrue();
    }

    @Test
    void readsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("dump.json");
        Files.writeString(json, """
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "api-0", "namespace": "data"}, "spec": {"containers": []}}
                ]}""");

        assertThat(loader.load(json, LOADED).pod("data", "api-0")).isPresent();
    }

    @Test
    void malformedFileStopsWithTheFileNameAndTheParseError() {
        Path file = resource("malformed.yaml");

        assertThatThrownBy(() -> loader.load(file, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("malformed.yaml")
                .hasMessageContaining("parse");
    }

    static Path resource(String name) {
        return Path.of("src/test/resources/snapshots", name);
    }
}
