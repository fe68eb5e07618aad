package io.clusteragent.kubestate;

import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.cluster.LiveCluster;
import io.clusteragent.cluster.ObjectFeed;
import io.clusteragent.cluster.ObjectListener;
import io.clusteragent.cluster.WatchedResource;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.testing.Eventually;
import io.clusteragent.testing.TestServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live path: objects created, changed and deleted through the API server show in the next scrape, and shards
 * split them by the UIDs the API server gives.
 */
@EnableKubernetesMockClient(crud = true)
class KubeStateLiveMockServerTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    KubernetesClient client;

    private final Vertx vertx = Vertx.vertx();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aServiceCreatedChangedAndDeletedShowsInTheNextScrape() throws Exception {
        KubeStateMetrics metrics =
                KubeStateMetrics.create(AgentConfig.defaults().kubeState(), Set.of("services"));
        TestServer server = serve(metrics, ObjectFeed.kubeState(Set.of("services"), metrics));

        client.services().inNamespace("shop").resource(service("ClusterIP")).create();
        Eventually.assertWithin(
                WITHIN,
                () -> assertThat(scrape(server, "services"))
                        .containsPattern("kube_service_spec_type\\{namespace=\"shop\",service=\"web\",uid=\"[^\"]+\","
                                + "type=\"ClusterIP\"} 1"));

        client.services().inNamespace("shop").resource(service("NodePort")).update();
        Eventually.assertWithin(
                WITHIN,
                () -> assertThat(scrape(server, "services"))
                        .contains("type=\"NodePort\"} 1")
                        .doesNotContain("type=\"ClusterIP\""));

        client.services().inNamespace("shop").withName("web").delete();
        Eventually.assertWithin(
                WITHIN, () -> assertThat(scrape(server, "services")).doesNotContain("service=\"web\""));
    }

    @Test
    void threeShardsCoverEveryObjectExactlyOnce() throws Exception {
        List<KubeStateMetrics> shards = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            shards.add(KubeStateMetrics.create(
                    AgentConfig.fromMap(Map.of("SHARD", Integer.toString(shard), "TOTAL_SHARDS", "3"), List.of())
                            .kubeState(),
                    Set.of("configmaps")));
        }
        ObjectListener everyShard = new ObjectListener() {
            @Override
            public void upsert(WatchedResource resource, HasMetadata object) {
                shards.forEach(shard -> shard.upsert(resource, object));
            }

            @Override
            public void delete(WatchedResource resource, HasMetadata object) {
                shards.forEach(shard -> shard.delete(resource, object));
            }
        };
        for (int i = 0; i < 30; i++) {
            client.configMaps()
                    .inNamespace("shop")
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("config-" + i)
                            .withNamespace("shop")
                            .endMetadata()
                            .build())
                    .create();
        }
        List<TestServer> servers = new ArrayList<>();
        servers.add(serve(shards.get(0), ObjectFeed.kubeState(Set.of("configmaps"), everyShard)));
        servers.add(started(TestServer.start(InMemoryClusterState.of(), Map.of(), Optional.of(shards.get(1)))));
        servers.add(started(TestServer.start(InMemoryClusterState.of(), Map.of(), Optional.of(shards.get(2)))));

        Eventually.assertWithin(WITHIN, () -> {
            List<String> seen = new ArrayList<>();
            for (TestServer server : servers) {
                scrape(server, "configmaps")
                        .lines()
                        .filter(line -> line.startsWith("kube_configmap_info{"))
                        .forEach(seen::add);
            }
            assertThat(seen).hasSize(30);
            assertThat(new HashSet<>(seen)).hasSize(30);
        });
        for (TestServer server : servers) {
            assertThat(scrape(server, "configmaps"))
                    .as("each shard serves some")
                    .contains("kube_configmap_info{");
        }
    }

    private TestServer serve(KubeStateMetrics metrics, ObjectFeed feed) throws Exception {
        LiveCluster live = LiveCluster.using(vertx, client, Clock.systemUTC(), Duration.ofMinutes(5), feed);
        open.add(live);
        live.awaitSynced(WITHIN).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return started(TestServer.start(live.state(), Map.of(), Optional.of(metrics)));
    }

    private TestServer started(TestServer server) {
        open.add(server);
        return server;
    }

    private static String scrape(TestServer server, String resources) {
        String body = server.get("/metrics/kubestate?resources=" + resources).bodyAsString();
        return body == null ? "" : body;
    }

    private static Service service(String type) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withType(type)
                .withClusterIP("10.0.0.10")
                .endSpec()
                .build();
    }
}
