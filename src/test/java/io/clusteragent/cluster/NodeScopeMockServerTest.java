package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent confined to one node (WATCH_SCOPE=node) asks the API server only for that node and its
 * pods, so the rest of the cluster never reaches its memory, while its listener and lookups see that
 * node's objects come and go.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(VertxExtension.class)
class NodeScopeMockServerTest {

    private static final Duration CONVERGED = Duration.ofSeconds(10);

    KubernetesClient mockClient;
    KubernetesMockServer server;

    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private KubernetesClient client;
    private LiveCluster live;

    @BeforeEach
    void seedTwoNodes() {
        for (String node : List.of("worker-1", "worker-2")) {
            mockClient.nodes().resource(node(node)).create();
            mockClient
                    .pods()
                    .inNamespace("shop")
                    .resource(pod("web-on-" + node, node))
                    .create();
        }
        mockClient.pods().inNamespace("shop").resource(pod("pending", null)).create();
    }

    @AfterEach
    void close() {
        if (live != null) {
            live.close();
        }
        if (client != null) {
            client.close();
        }
    }

    /**
     * The CRUD mock server filters by {@code metadata.name} only; filtering pods by {@code spec.nodeName}
     * is the real API server's job, so for pods what is checked is that every list and watch asks for it.
     */
    @Test
    void onlyTheNodeIsKeptAndEveryPodListAndWatchAsksForItsPodsOnly(Vertx vertx) throws Exception {
        start(vertx);

        assertThat(live.state().nodes().stream().map(node -> node.getMetadata().getName()))
                .containsExactly("worker-1");
        assertThat(told).contains("Node/worker-1").doesNotContain("Node/worker-2");
        List<String> requests = requests();
        assertThat(requests.stream().filter(path -> path.startsWith("/api/v1/nodes")))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(path -> assertThat(path).contains("fieldSelector=metadata.name%3Dworker-1"));
        assertThat(requests.stream().filter(path -> path.startsWith("/api/v1/pods")))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(path -> assertThat(path).contains("fieldSelector=spec.nodeName%3Dworker-1"));
        assertThat(requests.stream().filter(path -> path.startsWith("/api/v1/events")))
                .isNotEmpty()
                .noneSatisfy(path -> assertThat(path).contains("fieldSelector"));
    }

    @Test
    void aWholeClusterAgentAsksForEverything(Vertx vertx) throws Exception {
        start(vertx, WatchScope.CLUSTER);

        assertWithin(CONVERGED, () -> assertThat(live.state().pods()).hasSize(3));
        assertThat(live.state().nodes()).hasSize(2);
        assertThat(requests()).noneSatisfy(path -> assertThat(path).contains("fieldSelector"));
    }

    private void start(Vertx vertx) throws Exception {
        start(vertx, WatchScope.of(Optional.of("worker-1")));
    }

    private void start(Vertx vertx, WatchScope scope) throws Exception {
        client = new KubernetesClientBuilder()
                .withConfig(mockClient.getConfiguration())
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .build();
        ObjectFeed feed = new ObjectFeed(Set.of(WatchedResource.PODS, WatchedResource.NODES), new ObjectListener() {
            @Override
            public void upsert(WatchedResource resource, HasMetadata object) {
                told.add(object.getKind() + "/" + object.getMetadata().getName());
            }

            @Override
            public void delete(WatchedResource resource, HasMetadata object) {
                told.remove(object.getKind() + "/" + object.getMetadata().getName());
            }
        });
        live = LiveCluster.using(vertx, client, Clock.systemUTC(), Duration.ofMinutes(10), feed, scope);
        live.awaitSynced(Duration.ofSeconds(20))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    /** The paths of every request the agent sent so far. */
    private List<String> requests() throws InterruptedException {
        List<String> paths = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            if (request.getMethod().equals("GET")) {
                paths.add(request.getPath());
            }
        }
        return paths;
    }

    private static Node node(String name) {
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata().build();
    }

    private static Pod pod(String name, String node) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .endSpec()
                .build();
    }
}
