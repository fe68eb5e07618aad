package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
@ExtendWith(VertxExtension.class)
class LiveClusterMockServerTest {

    KubernetesClient mockClient;

    private KubernetesClient client;
    private LiveCluster live;

    @BeforeEach
    void seedTheApiServer(Vertx vertx) {
        mockClient
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .build())
                .create();
        mockClient
                .nodes()
                .resource(new NodeBuilder()
                        .withNewMetadata()
                        .withName("node-a")
                        .endMetadata()
                        .withNewStatus()
                        .addToAllocatable("cpu", new Quantity("4"))
                        .endStatus()
                        .build())
                .create();
        mockClient.pods().inNamespace("shop").resource(pod("web-1", "node-a")).create();
        mockClient
                .v1()
                .events()
                .inNamespace("shop")
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withName("web-1.1")
                        .withNamespace("shop")
                        .endMetadata()
                        .withNewInvolvedObject()
                        .withKind("Pod")
                        .withNamespace("shop")
                        .withName("web-1")
                        .endInvolvedObject()
                        .withType("Warning")
                        .withReason("BackOff")
                        .withMessage("Back-off restarting failed container app")
                        .build())
                .create();
        // The agent's own transport on the test's Vertx, as in production.
        client = new KubernetesClientBuilder()
                .withConfig(mockClient.getConfiguration())
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .build();
        live = LiveCluster.using(vertx, client, Clock.systemUTC(), Duration.ofMillis(200));
    }

    @AfterEach
    void close() {
        live.close();
        client.close();
    }

    @Test
    void informersSyncAndServeLookupsFromTheCache() throws Exception {
        sync();

        ClusterState state = live.state();
        assertThat(state.syncStatus())
                .doesNotContainValue(false)
                .containsKeys("pods", "events", "nodes", "replicasets");
        Pod pod = state.pod("shop", "web-1").orElseThrow();
        assertThat(state.podsOnNode("node-a")).containsExactly(pod);
        assertThat(state.podsInNamespace("shop")).containsExactly(pod);
        assertThat(state.eventsFor(pod)).extracting(e -> e.getReason()).containsExactly("BackOff");
        assertThat(state.namespace("shop")).isPresent();
        assertThat(pod.getMetadata().getManagedFields()).isNullOrEmpty();
    }

    @Test
    void aPodChangedThroughTheApiShowsUpInTheCache() throws Exception {
        sync();

        mockClient.pods().inNamespace("shop").resource(pod("web-2", "node-a")).create();
        mockClient
                .pods()
                .inNamespace("shop")
                .withName("web-1")
                .edit(p -> new PodBuilder(p)
                        .editMetadata()
                        .addToLabels("tier", "frontend")
                        .endMetadata()
                        .build());

        assertWithin(Duration.ofSeconds(10), () -> {
            assertThat(live.state().podsOnNode("node-a"))
                    .extracting(p -> p.getMetadata().getName())
                    .containsExactlyInAnyOrder("web-1", "web-2");
            assertThat(live.state()
                            .pod("shop", "web-1")
                            .orElseThrow()
                            .getMetadata()
                            .getLabels())
                    .containsEntry("tier", "frontend");
        });
    }

    @Test
    void nodeRequestTotalsFollowPodsAddedAndDeleted() throws Exception {
        sync();
        assertThat(live.state().requestedOn("node-a").requested("cpu")).isEqualTo(100);

        mockClient.pods().inNamespace("shop").resource(pod("web-2", "node-a")).create();
        assertWithin(
                Duration.ofSeconds(10),
                () -> assertThat(live.state().requestedOn("node-a").requested("cpu"))
                        .isEqualTo(200));

        mockClient.pods().inNamespace("shop").withName("web-1").delete();
        assertWithin(Duration.ofSeconds(10), () -> {
            assertThat(live.state().requestedOn("node-a").requested("cpu")).isEqualTo(100);
            assertThat(live.state().requestedOn("node-a").pods()).isEqualTo(1);
        });
    }

    @Test
    void metricsAreReadFromTheMetricsApiOnceItServesThem() throws Exception {
        sync();
        mockClient
                .resource(new NodeMetricsBuilder()
                        .withNewMetadata()
                        .withName("node-a")
                        .endMetadata()
                        .addToUsage("cpu", new Quantity("250m"))
                        .addToUsage("memory", new Quantity("1Gi"))
                        .build())
                .create();

        assertWithin(Duration.ofSeconds(10), () -> {
            assertThat(live.state().metricsStatus().available()).isTrue();
            assertThat(live.state().nodeMetrics("node-a")).isPresent();
        });
    }

    private void sync() throws Exception {
        live.awaitSynced(Duration.ofSeconds(20))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    private static Pod pod(String name, String node) {
        return new PodBuilder()
                .withMetadata(new ObjectMeta())
                .editMetadata()
                .withName(name)
                .withNamespace("shop")
                .withManagedFields(List.of(new ManagedFieldsEntryBuilder()
                        .withManager("kubectl")
                        .withOperation("Update")
                        .build()))
                .endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .addNewContainer()
                .withName("app")
                .withImage("nginx:1.27")
                .withNewResources()
                .addToRequests("cpu", new Quantity("100m"))
                .endResources()
                .endContainer()
                .endSpec()
                .build();
    }
}
