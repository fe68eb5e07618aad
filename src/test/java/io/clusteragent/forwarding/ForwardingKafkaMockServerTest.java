package io.clusteragent.forwarding;

import io.clusteragent.cluster.Leadership;
import io.clusteragent.cluster.LiveCluster;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.eventrecord.EventRecord;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents on fabric8's CRUD mock API server forwarding to a real in-process KRaft broker: a consumer
 * reading committed records sees each Event's occurrences exactly once, through a broker outage, a
 * change of leader and a restart.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(VertxExtension.class)
class ForwardingKafkaMockServerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration RESPONSIVE = Duration.ofSeconds(2);
    private static KafkaBroker broker;

    KubernetesClient mockClient;

    @TempDir
    Path spools;

    private final List<AutoCloseable> closing = new ArrayList<>();
    /** The API server gives each Event its uid: the test names them, and reads the records by name. */
    private final Map<String, String> nameByUid = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void broker() throws Exception {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void everyOccurrenceReachesKafkaOnceThroughAnOutageAHandoverAndARestart(Vertx vertx) throws Exception {
        KafkaBroker.Reader reader = broker.reader();
        closing.add(reader);
        put(Events.warning("e1", null, "shop", "cart", "BackOff", 1));
        put(Events.warning("e2", null, "shop", "cart", "FailedMount", 3));
        put(Events.event("n1", null, "Normal", "shop", "cart", "Pulled", 1, "Successfully pulled image"));

        Replica a = replica(vertx, "replica-a");
        assertWithin(WAIT, () -> assertThat(a.leadership.isLeader()).isTrue());
        assertWithin(WAIT, () -> assertThat(counts(reader)).isEqualTo(Map.of("e1", List.of(1), "e2", List.of(3))));

        assertThat(a.occurrences("filtered", "Pulled"))
                .as("Normal, not on the allowlist")
                .isEqualTo(1);
        assertThat(a.occurrences("forwarded", "FailedMount")).isEqualTo(3);

        bump("e1", 4);
        assertWithin(WAIT, () -> assertThat(counts(reader)).containsEntry("e1", List.of(1, 4)));

        // The broker goes away: records wait in the spool, the agent's event loop keeps answering.
        HttpServer health = healthz(vertx);
        broker.stopBroker();
        bump("e2", 5);
        put(Events.warning("e3", null, "shop", "checkout", "Unhealthy", 2));
        assertWithin(WAIT, () -> assertThat(a.spoolDepth()).isGreaterThanOrEqualTo(2));
        // Far below what a blocked send would take (the producer waits up to max.block.ms, 60 s, for
        // metadata), with room for a machine shared by many builds.
        for (int i = 0; i < 20; i++) {
            assertThat(timeHealthz(vertx, health.actualPort())).isLessThan(RESPONSIVE);
            long start = System.nanoTime();
            await(a.forwarding.lead());
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("the forwarding context answers while Kafka is away")
                    .isLessThan(RESPONSIVE);
        }
        broker.startBroker();
        assertWithin(
                WAIT,
                () -> assertThat(counts(reader))
                        .isEqualTo(Map.of("e1", List.of(1, 4), "e2", List.of(3, 5), "e3", List.of(2))));

        // A hands over to B as the agent stops: forwarding closes (checkpoint saved), then the Lease is given up.
        Replica b = replica(vertx, "replica-b");
        assertThat(b.leadership.isLeader()).isFalse();
        await(a.forwarding.close(Duration.ofSeconds(5)));
        bump("e1", 6);
        a.leadership.close();
        assertWithin(WAIT, () -> assertThat(b.leadership.isLeader()).isTrue());
        bump("e3", 7);
        assertWithin(
                WAIT,
                () -> assertThat(counts(reader))
                        .isEqualTo(Map.of("e1", List.of(1, 4, 6), "e2", List.of(3, 5), "e3", List.of(2, 7))));

        // A comes back with its spool directory and leads again after B stops.
        Replica again = replica(vertx, "replica-a");
        await(b.forwarding.close(Duration.ofSeconds(5)));
        b.leadership.close();
        assertWithin(WAIT, () -> assertThat(again.leadership.isLeader()).isTrue());
        bump("e2", 9);
        put(Events.warning("e4", null, "kube-system", "coredns", "BackOff", 1));
        assertWithin(
                WAIT,
                () -> assertThat(counts(reader))
                        .isEqualTo(Map.of(
                                "e1", List.of(1, 4, 6),
                                "e2", List.of(3, 5, 9),
                                "e3", List.of(2, 7),
                                "e4", List.of(1))));

        List<EventRecord> events = reader.events();
        Map<String, Long> occurrences = events.stream()
                .collect(Collectors.groupingBy(this::name, Collectors.summingLong(EventRecord::occurrences)));
        assertThat(occurrences)
                .as("occurrences add up to each Event's count")
                .isEqualTo(Map.of("e1", 6L, "e2", 9L, "e3", 7L, "e4", 1L));
        assertThat(reader.poll())
                .as("keyed by the cluster id")
                .allSatisfy(record -> assertThat(record.key()).isEqualTo("kind-test"));
        assertThat(events)
                .filteredOn(e -> name(e).equals("e4"))
                .singleElement()
                .satisfies(e -> assertThat(e.category()).hasToString("Platform"));
    }

    /** Per Event uid, the counts of its event records in the order they were read. */
    private Map<String, List<Integer>> counts(KafkaBroker.Reader reader) {
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        for (EventRecord record : reader.events()) {
            counts.computeIfAbsent(name(record), name -> new ArrayList<>()).add((int) record.count());
        }
        return counts;
    }

    private String name(EventRecord record) {
        return nameByUid.getOrDefault(record.eventUid(), record.eventUid());
    }

    private void put(Event event) {
        String name = event.getMetadata().getUid();
        event.getMetadata().setName(name);
        event.getMetadata().setUid(null);
        Event created = mockClient
                .v1()
                .events()
                .inNamespace(event.getMetadata().getNamespace())
                .resource(event)
                .create();
        nameByUid.put(created.getMetadata().getUid(), name);
    }

    private void bump(String uid, int count) {
        mockClient.v1().events().inNamespace(namespaceOf(uid)).withName(uid).edit(event -> {
            event.setCount(count);
            return event;
        });
    }

    private String namespaceOf(String uid) {
        return mockClient.v1().events().inAnyNamespace().list().getItems().stream()
                .filter(e -> e.getMetadata().getName().equals(uid))
                .findFirst()
                .orElseThrow()
                .getMetadata()
                .getNamespace();
    }

    private record Replica(Leadership leadership, EventForwarding forwarding, SimpleMeterRegistry registry) {

        double spoolDepth() {
            return registry.get("cluster_agent_forwarding_spool_depth").gauge().value();
        }

        double occurrences(String outcome, String reason) {
            return registry.get("cluster_agent_forwarding_occurrences")
                    .tag("outcome", outcome)
                    .tag("reason", reason)
                    .counter()
                    .count();
        }
    }

    /** One agent: its own client, informers, spool and meters; the Lease and the checkpoint are shared through the API server. */
    private Replica replica(Vertx vertx, String name) throws Exception {
        AgentConfig config = AgentConfig.fromMap(
                Map.of(
                        "EVENT_FORWARDING", "kafka",
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "CLUSTER_NAME", "kind-test",
                        "EVENT_CHECKPOINT_INTERVAL", "200ms"),
                List.of());
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(mockClient.getConfiguration())
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .build();
        closing.add(client);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EventForwarding forwarding = new EventForwarding(
                vertx,
                config.forwarding(),
                config.clusterName(),
                config.detection().platformNamespaces(),
                registry,
                Clock.systemUTC());
        LiveCluster live = LiveCluster.using(vertx, client, Clock.systemUTC(), Duration.ofHours(1), forwarding.feed());
        closing.add(live);
        await(live.awaitSynced(WAIT));
        await(forwarding.open(live.state(), live.forwardingCheckpoint(), spools.resolve(name)));
        closing.add(() -> await(forwarding.close(Duration.ofSeconds(1))));
        Leadership leadership = live.elect(vertx.getOrCreateContext(), forwarding::lead, forwarding::follow);
        closing.add(leadership);
        return new Replica(leadership, forwarding, registry);
    }

    private static HttpServer healthz(Vertx vertx) throws Exception {
        return await(vertx.createHttpServer()
                .requestHandler(request -> request.response().end("ok"))
                .listen(0, "127.0.0.1"));
    }

    private static Duration timeHealthz(Vertx vertx, int port) throws Exception {
        long start = System.nanoTime();
        await(vertx.createHttpClient()
                .request(HttpMethod.GET, port, "127.0.0.1", "/healthz")
                .compose(request -> request.send())
                .compose(response -> response.body()));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
