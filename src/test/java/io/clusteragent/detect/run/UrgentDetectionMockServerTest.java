package io.clusteragent.detect.run;

import io.clusteragent.cluster.LiveCluster;
import io.clusteragent.config.DetectorSettings;
import io.clusteragent.detect.IncidentStore;
import io.clusteragent.detect.IncidentTracker;
import io.clusteragent.detect.Notification;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/** A node going NotReady is reported within seconds from the watch, not at the next poll an hour away. */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(VertxExtension.class)
class UrgentDetectionMockServerTest {

    KubernetesClient mockClient;
    private KubernetesClient client;
    private LiveCluster live;

    @AfterEach
    void close() {
        live.close();
        client.close();
    }

    @Test
    void aNodeGoingNotReadyIsReportedWithoutWaitingForThePoll(Vertx vertx) throws Exception {
        mockClient.nodes().resource(node("True")).create();
        client = new KubernetesClientBuilder()
                .withConfig(mockClient.getConfiguration())
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .build();
        live = LiveCluster.using(vertx, client, Clock.systemUTC(), Duration.ofHours(1));
        live.awaitSynced(Duration.ofSeconds(20))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        List<Notification> published = new CopyOnWriteArrayList<>();
        DetectionVerticle detection = new DetectionVerticle(
                live.state(),
                Clock.systemUTC(),
                DetectorSettings.defaults(),
                Duration.ofHours(1),
                IncidentTracker.of("test", DetectorSettings.defaults(), true),
                new IncidentStore.InMemory(),
                notification -> {
                    published.add(notification);
                    return Future.succeededFuture();
                },
                DeliverySettlements.NONE,
                new DetectionMeters(new SimpleMeterRegistry()),
                Optional::empty);
        vertx.deployVerticle(detection)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertThat(published).as("a Ready node is no incident").isEmpty();

        mockClient.nodes().withName("worker-1").editStatus(n -> node("False"));

        assertWithin(
                Duration.ofSeconds(5),
                () -> assertThat(published)
                        .extracting(n -> n.finding().type().label() + " "
                                + n.finding().resource() + " " + n.status().label())
                        .containsExactly("node_not_ready node/worker-1 open"));
    }

    private static io.fabric8.kubernetes.api.model.Node node(String ready) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName("worker-1")
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready)
                .withReason(ready.equals("True") ? "KubeletReady" : "KubeletNotReady")
                .withMessage("kubelet status")
                .withLastTransitionTime("2026-01-15T11:00:00Z")
                .endCondition()
                .endStatus()
                .build();
    }
}
