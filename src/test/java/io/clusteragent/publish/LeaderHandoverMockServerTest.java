package io.clusteragent.publish;

import io.clusteragent.cluster.IncidentConfigMap;
import io.clusteragent.cluster.Leadership;
import io.clusteragent.cluster.LiveCluster;
import io.clusteragent.config.DetectorSettings;
import io.clusteragent.detect.IncidentTracker;
import io.clusteragent.detect.run.ConfigMapIncidentStore;
import io.clusteragent.detect.run.DetectionDeployment;
import io.clusteragent.detect.run.DetectionMeters;
import io.clusteragent.detect.run.DetectionVerticle;
import io.clusteragent.publish.Receiver.Reply;
import io.clusteragent.publish.Receiver.Request;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two agents on the demo cluster behind the mock API server take turns leading: the second finds
 * what the first announced in the incident-state ConfigMap, announces none of it again, and numbers
 * an incident that reopens after the first one resolved it from where the first stopped.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(VertxExtension.class)
class LeaderHandoverMockServerTest {

    private static final String NAMESPACE = "cluster-agent";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(30);

    KubernetesClient mockClient;

    @TempDir
    Path spools;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void theNextLeaderAnnouncesNothingTwiceAndContinuesTheNumbering(Vertx vertx) throws Exception {
        loadTheDemo();
        Receiver receiver = new Receiver(vertx);
        await(receiver.start());

        Replica a = replica(vertx, "replica-a", receiver);
        assertWithin(WAIT, () -> assertThat(a.leadership.isLeader()).isTrue());
        assertWithin(WAIT, () -> assertThat(a.cycles()).isPositive());
        assertWithin(WAIT, () -> {
            assertThat(receiver.accepted()).isNotEmpty();
            assertThat(a.sink.stats().spoolDepth()).isZero();
        });
        String worker3 = fingerprintOf(receiver, "node/worker-3");
        setReady("worker-3", "True");
        assertWithin(
                WAIT,
                () -> assertThat(receiver.acceptedCount(worker3 + ":2"))
                        .as("resolved by the first leader")
                        .isEqualTo(1));
        int announcedByA = receiver.requests().size();

        Replica b = replica(vertx, "replica-b", receiver);
        // As the agent stops: the detectors first, then the Lease.
        await(a.detection.stop());
        a.leadership.close();
        assertWithin(WAIT, () -> assertThat(b.leadership.isLeader()).isTrue());
        assertWithin(WAIT, () -> assertThat(b.cycles()).isPositive());
        assertThat(receiver.requests())
                .as("nothing announced again by the new leader")
                .hasSize(announcedByA);

        setReady("worker-3", "Unknown");
        assertWithin(
                WAIT,
                () -> assertThat(receiver.acceptedCount(worker3 + ":3"))
                        .as("reopened under the next version")
                        .isEqualTo(1));

        Map<String, List<JsonObject>> bodiesByKey = receiver.requests().stream()
                .collect(Collectors.groupingBy(
                        Request::idempotencyKey, Collectors.mapping(Request::body, Collectors.toList())));
        assertThat(bodiesByKey.values())
                .as("each key sent once")
                .allSatisfy(bodies -> assertThat(bodies).hasSize(1));
        Map<String, List<Integer>> versions = receiver.requests().stream()
                .collect(Collectors.groupingBy(
                        Request::fingerprint, Collectors.mapping(Request::version, Collectors.toList())));
        versions.forEach((fingerprint, seen) -> assertThat(seen)
                .as(fingerprint)
                .isEqualTo(fingerprint.equals(worker3) ? List.of(1, 2, 3) : List.of(1)));
        assertThat(versions.size()).isGreaterThanOrEqualTo(18);
    }

    @Test
    void whatALeaderSpooledButCouldNotDeliverIsDeliveredByTheNextWhenItsPodIsGone(Vertx vertx) throws Exception {
        loadTheDemo();
        Receiver receiver = new Receiver(vertx)
                .answering((request, attempt) -> Future.succeededFuture(new Reply(503, "{}", Map.of())));
        await(receiver.start());

        Replica a = replica(vertx, "replica-a", receiver);
        assertWithin(WAIT, () -> assertThat(a.leadership.isLeader()).isTrue());
        assertWithin(WAIT, () -> assertThat(a.sink.stats().spoolDepth()).isGreaterThanOrEqualTo(18));
        // The pod is deleted: its detectors stop, its spool (an emptyDir) goes with it, the Lease is freed.
        await(a.detection.stop());
        await(a.sink.close());
        deleteRecursively(spools.resolve("replica-a"));
        a.leadership.close();
        receiver.answering((request, attempt) -> Future.succeededFuture(Reply.ok()));

        Replica b = replica(vertx, "replica-b", receiver);
        assertWithin(WAIT, () -> assertThat(b.leadership.isLeader()).isTrue());
        assertWithin(WAIT, () -> {
            assertThat(receiver.accepted().stream().map(Request::fingerprint).distinct())
                    .as("every incident the first leader decided")
                    .hasSizeGreaterThanOrEqualTo(18);
            assertThat(b.sink.stats().spoolDepth()).isZero();
        });

        Map<String, Long> acceptedByKey = receiver.accepted().stream()
                .collect(Collectors.groupingBy(Request::idempotencyKey, Collectors.counting()));
        assertThat(acceptedByKey.values()).as("each accepted once").containsOnly(1L);
        assertThat(acceptedByKey.keySet())
                .as("under the keys the first leader gave them")
                .allMatch(key -> key.endsWith(":1"));
    }

    private void loadTheDemo() throws Exception {
        try (InputStream demo = new FileInputStream("examples/demo-cluster.yaml")) {
            for (HasMetadata item : mockClient.load(demo).items()) {
                mockClient.resource(item).create();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(file);
            }
        }
    }

    private record Replica(
            Leadership leadership, DetectionDeployment detection, AgentServiceSink sink, SimpleMeterRegistry registry) {

        long cycles() {
            return registry.find("cluster_agent_detection_cycle").timers().stream()
                    .mapToLong(t -> t.count())
                    .sum();
        }
    }

    /** One agent: its own client, informers, spool and meters; the Lease and the incident state are shared through the API server. */
    private Replica replica(Vertx vertx, String name, Receiver receiver) throws Exception {
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(mockClient.getConfiguration())
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .build();
        closing.add(client);
        LiveCluster live = LiveCluster.using(vertx, client, CLOCK, Duration.ofHours(1));
        closing.add(live);
        await(live.awaitSynced(WAIT));
        AgentServiceSink sink =
                await(AgentServiceSink.start(vertx, Incidents.settings(receiver.port(), spools.resolve(name), 4)));
        closing.add(() -> await(sink.close()));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DetectionMeters meters = new DetectionMeters(registry);
        IncidentTracker tracker = IncidentTracker.of("demo", DetectorSettings.defaults(), true);
        IncidentSignals.Reporter reporter = new IncidentSignals.Reporter("cluster-agent", "demo", "test");
        DetectionDeployment detection = new DetectionDeployment(
                vertx,
                () -> new DetectionVerticle(
                        live.state(),
                        CLOCK,
                        DetectorSettings.defaults(),
                        Duration.ofHours(1),
                        tracker,
                        new ConfigMapIncidentStore(new IncidentConfigMap(client, NAMESPACE)),
                        n -> sink.publish(IncidentSignals.outgoing(n, reporter)),
                        sink::onSettled,
                        meters,
                        Optional::empty),
                meters);
        Leadership leadership = Leadership.elect(
                client,
                NAMESPACE,
                name,
                Duration.ofSeconds(2),
                vertx.getOrCreateContext(),
                detection::start,
                detection::stop);
        closing.add(leadership);
        return new Replica(leadership, detection, sink, registry);
    }

    private void setReady(String node, String status) {
        mockClient.nodes().withName(node).editStatus(n -> {
            for (NodeCondition condition : n.getStatus().getConditions()) {
                if (condition.getType().equals("Ready")) {
                    condition.setStatus(status);
                }
            }
            return n;
        });
    }

    private static String fingerprintOf(Receiver receiver, String resource) {
        return receiver.requests().stream()
                .filter(r -> r.body().getString("resource").equals(resource))
                .map(Request::fingerprint)
                .findFirst()
                .orElseThrow();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
