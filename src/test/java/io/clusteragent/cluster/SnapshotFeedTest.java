package io.clusteragent.cluster;

import io.clusteragent.config.KubeStateResources;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A dump feeds the kube-state metrics' listener as the informers do: every object of every resource it covers. */
class SnapshotFeedTest {

    private static final Instant LOADED = Instant.parse("2026-01-15T12:00:00Z");

    private final RecordingListener listener = new RecordingListener();

    @Test
    void everyKubeStateKindInADumpReachesTheListenerInFileOrder() throws Exception {
        ObjectFeed feed = ObjectFeed.kubeState(KubeStateResources.ALL, listener);

        ClusterState state = new SnapshotLoader(feed).load(resource("kube-state-kinds.yaml"), LOADED);

        assertThat(listener.lines())
                .containsExactly(
                        "upsert pods shop/web-1",
                        "upsert services shop/web",
                        "upsert endpointslices shop/web-abcde",
                        "upsert cronjobs shop/nightly",
                        "upsert horizontalpodautoscalers shop/web",
                        "upsert ingresses shop/web",
                        "upsert configmaps shop/settings",
                        "upsert leases shop/lock",
                        "upsert poddisruptionbudgets shop/web",
                        "upsert storageclasses standard",
                        "upsert resourcequotas shop/compute",
                        "upsert limitranges shop/defaults",
                        "upsert secrets shop/db-password");
        assertThat(state.pod("shop", "web-1")).isPresent();
    }

    @Test
    void noSecretValueAndNoConfigMapDataReachTheListener() throws Exception {
        ObjectFeed feed = ObjectFeed.kubeState(KubeStateResources.ALL, listener);

        new SnapshotLoader(feed).load(resource("kube-state-kinds.yaml"), LOADED);

        assertThat(listener.calls())
                .filteredOn(call -> call.resource() == WatchedResource.SECRETS)
                .singleElement()
                .satisfies(call -> assertThat(call.object()).isInstanceOfSatisfying(Secret.class, secret -> {
                    assertThat(secret.getData()).isNull();
                    assertThat(secret.getStringData()).isNull();
                    assertThat(secret.getType()).isEqualTo("Opaque");
                    assertThat(secret.getMetadata().getLabels()).containsEntry("app", "db");
                }));
        assertThat(listener.calls())
                .filteredOn(call -> call.resource() == WatchedResource.CONFIG_MAPS)
                .singleElement()
                .satisfies(call ->
                        assertThat(((ConfigMap) call.object()).getData()).isNull());
    }

    @Test
    void onlyTheResourcesTheFeedCoversReachTheListener() throws Exception {
        ObjectFeed feed = new ObjectFeed(Set.of(WatchedResource.CRON_JOBS, WatchedResource.PODS), listener);

        new SnapshotLoader(feed).load(resource("kube-state-kinds.yaml"), LOADED);

        assertThat(listener.lines()).containsExactly("upsert pods shop/web-1", "upsert cronjobs shop/nightly");
    }

    @Test
    void aDumpOfKindsOnlyTheListenerReadsLoadsWithAFeedAndIsRefusedWithout(@TempDir Path dir) throws Exception {
        Path services = Files.writeString(dir.resolve("services.yaml"), """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                """);

        new SnapshotLoader(new ObjectFeed(Set.of(WatchedResource.SERVICES), listener)).load(services, LOADED);
        assertThat(listener.lines()).containsExactly("upsert services shop/web");

        assertThatThrownBy(() -> new SnapshotLoader().load(services, LOADED))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("holds no objects the agent uses")
                .hasMessageContaining("kinds the agent does not use (v1 Service: 1)");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(SnapshotFeedTest.class.getResource("/snapshots/" + name))
                .toURI());
    }
}
