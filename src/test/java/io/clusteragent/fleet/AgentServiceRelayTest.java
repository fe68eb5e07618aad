package io.clusteragent.fleet;

import io.clusteragent.config.FleetSettings;
import io.clusteragent.config.PublishSettings;
import io.clusteragent.detect.Category;
import io.clusteragent.detect.IncidentSeverity;
import io.clusteragent.publish.ContractSchema;
import io.clusteragent.publish.Receiver;
import io.clusteragent.publish.Receiver.Reply;
import io.clusteragent.publish.Receiver.Request;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzer's relay to the Agent Service, between a real (in-process) broker and a real HTTP server standing in
 * for the service: each anomaly reaches the service under the key {@code <id>:1}, through an outage of the service
 * and a restart of the relay, and a restart posts nothing twice.
 */
class AgentServiceRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant WINDOW = Instant.parse("2026-01-07T10:00:00Z");
    private static EmbeddedKafka kafka;

    @TempDir
    Path spoolDir;

    private final Vertx vertx = Vertx.vertx();
    private Receiver service;
    private String topic;
    private String applicationId;
    private volatile boolean relayFailed;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @BeforeEach
    void topicOfItsOwn(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName();
        topic = "anomalies-" + name;
        applicationId = "relay-" + name;
        kafka.createTopics(Map.of(topic, 2));
        service = new Receiver(vertx);
    }

    @AfterEach
    void stopService() throws Exception {
        assertThat(relayFailed).as("the relay kept reading").isFalse();
        await(service.stop());
        await(vertx.close());
    }

    @Test
    void eachCommittedAnomalyIsPostedOnceUnderItsIdAsAnIncidentSignal() throws Exception {
        await(service.start());
        List<Anomaly> anomalies = IntStream.range(0, 3).mapToObj(this::anomaly).toList();
        Anomaly aborted = anomaly(99);

        try (AgentServiceRelay relay = relay()) {
            send(anomalies, true);
            send(List.of(aborted), false);
            assertWithin(WAIT, () -> assertThat(service.accepted()).hasSize(anomalies.size()));
            quietPeriod();
        }

        assertThat(service.requests())
                .extracting(Request::idempotencyKey)
                .containsExactlyInAnyOrderElementsOf(
                        anomalies.stream().map(a -> a.id() + ":1").toList());
        Request posted = service.requests().stream()
                .filter(request ->
                        request.idempotencyKey().equals(anomalies.get(0).id() + ":1"))
                .findFirst()
                .orElseThrow();
        assertThat(ContractSchema.violations(posted.body().toBuffer().getBytes()))
                .as("the service's IncidentSignal, docs/openapi.yaml")
                .isEmpty();
        assertThat(posted.body().getString("type")).isEqualTo("event_burst");
        assertThat(posted.body().getString("resource")).isEqualTo("pod/web-0");
        assertThat(posted.body().getString("namespace")).isEqualTo("shop");
        assertThat(posted.body().getString("severity")).isEqualTo("medium");
        assertThat(posted.body().getString("source")).isEqualTo(applicationId);
        assertThat(posted.body().getJsonObject("metadata").getMap())
                .containsEntry("fingerprint", anomalies.get(0).id())
                .containsEntry("rule", "pod-failures")
                .containsEntry("cluster_id", "prod-eu-1")
                .containsEntry("count", "11")
                .containsEntry("window_start", WINDOW.toString())
                .containsEntry("status", "open");
        assertThat(posted.body().getString("id"))
                .as("derived from the key, so a second post of the anomaly is the same payload")
                .isEqualTo(UUID.nameUUIDFromBytes((anomalies.get(0).id() + ":1").getBytes(StandardCharsets.UTF_8))
                        .toString());
    }

    @Test
    void anomaliesFoundWhileTheServiceIsDownAreDeliveredWhenItReturns() throws Exception {
        List<Anomaly> anomalies = IntStream.range(0, 5).mapToObj(this::anomaly).toList();

        try (AgentServiceRelay relay = relay()) {
            send(anomalies, true);
            assertWithin(WAIT, () -> {
                assertThat(relay.stats().spoolDepth()).isEqualTo(anomalies.size());
                assertThat(relay.stats().retried()).isGreaterThanOrEqualTo(anomalies.size());
            });
            await(service.start());
            assertWithin(WAIT, () -> assertThat(relay.stats().delivered()).isEqualTo(anomalies.size()));
        }

        for (Anomaly anomaly : anomalies) {
            assertThat(service.acceptedCount(anomaly.id() + ":1"))
                    .as(anomaly.id())
                    .isEqualTo(1);
        }
    }

    @Test
    void aFullSpoolLeavesTheRestInKafkaRatherThanDropSpooledAnomalies() throws Exception {
        List<Anomaly> anomalies = IntStream.range(0, 7).mapToObj(this::anomaly).toList();

        try (AgentServiceRelay relay = relay(3)) {
            send(anomalies, true);
            assertWithin(WAIT, () -> {
                assertThat(relay.stats().spoolDepth()).isEqualTo(3);
                assertThat(relay.stats().retried()).isGreaterThanOrEqualTo(6);
            });
            await(service.start());
            assertWithin(WAIT, () -> assertThat(relay.stats().delivered()).isEqualTo(anomalies.size()));
            assertThat(relay.stats().dropped()).isZero();
        }

        for (Anomaly anomaly : anomalies) {
            assertThat(service.acceptedCount(anomaly.id() + ":1"))
                    .as(anomaly.id())
                    .isEqualTo(1);
        }
    }

    @Test
    void aRestartedRelayDeliversWhatItSpooledAndWhatCameMeanwhileAndNothingTwice() throws Exception {
        List<Anomaly> first = IntStream.range(0, 3).mapToObj(this::anomaly).toList();
        List<Anomaly> spooled = IntStream.range(3, 6).mapToObj(this::anomaly).toList();
        List<Anomaly> meanwhile = IntStream.range(6, 9).mapToObj(this::anomaly).toList();
        await(service.start());

        try (AgentServiceRelay relay = relay()) {
            send(first, true);
            assertWithin(WAIT, () -> assertThat(relay.stats().delivered()).isEqualTo(first.size()));
            // The service fails for a while: these wait in the spool, their offsets committed.
            service.answering((request, attempt) ->
                    Future.succeededFuture(new Reply(503, "{\"detail\":\"overloaded\"}", Map.of())));
            send(spooled, true);
            assertWithin(WAIT, () -> assertThat(relay.stats().spoolDepth()).isEqualTo(spooled.size()));
        }
        send(meanwhile, true);
        service.answering((request, attempt) -> Future.succeededFuture(Reply.ok()));

        try (AgentServiceRelay again = relay()) {
            assertWithin(
                    WAIT, () -> assertThat(again.stats().delivered()).isEqualTo(spooled.size() + meanwhile.size()));
            quietPeriod();
        }

        for (List<Anomaly> batch : List.of(first, spooled, meanwhile)) {
            for (Anomaly anomaly : batch) {
                assertThat(service.acceptedCount(anomaly.id() + ":1"))
                        .as(anomaly.id())
                        .isEqualTo(1);
            }
        }
        assertThat(service.accepted()).hasSize(9);
    }

    private AgentServiceRelay relay() {
        return relay(10_000);
    }

    private AgentServiceRelay relay(int spoolMaxEntries) {
        FleetSettings settings = FleetSettings.fromMap(
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "FLEET_APPLICATION_ID", applicationId,
                        "FLEET_TOPIC_ANOMALIES", topic),
                List.of());
        PublishSettings agentService = new PublishSettings(
                Optional.of(URI.create("http://127.0.0.1:" + service.port() + "/events")),
                Duration.ofSeconds(5),
                2,
                spoolDir,
                spoolMaxEntries,
                Duration.ofMillis(50),
                Duration.ofMillis(400));
        return AgentServiceRelay.start(settings, agentService, () -> relayFailed = true);
    }

    /** Writes the anomalies in one transaction, as the analyzer does, and commits or aborts it. */
    private void send(List<Anomaly> anomalies, boolean commit) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "analyzer-" + UUID.randomUUID()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Anomaly anomaly : anomalies) {
                producer.send(new ProducerRecord<>(
                        topic,
                        anomaly.clusterId(),
                        new JsonSerde<>(Anomaly.class).serializer().serialize(topic, anomaly)));
            }
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }

    private Anomaly anomaly(int pod) {
        String name = "web-" + pod;
        return new Anomaly(
                Anomaly.SCHEMA_VERSION,
                sha256Of(applicationId + name),
                "pod-failures",
                IncidentSeverity.MEDIUM,
                Category.Customer,
                "prod-eu-1",
                List.of("prod-eu-1"),
                WINDOW.plusSeconds(30),
                WINDOW,
                WINDOW.plusSeconds(300),
                new AnomalyKey("shop", "Pod", name, "BackOff", null),
                11,
                11,
                null,
                List.of("uid-" + name));
    }

    private static String sha256Of(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A second post would follow the first within a few retry delays: give it well over that to appear. */
    private void quietPeriod() throws InterruptedException {
        int before = service.requests().size();
        long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < end && service.requests().size() == before) {
            Thread.sleep(50);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
