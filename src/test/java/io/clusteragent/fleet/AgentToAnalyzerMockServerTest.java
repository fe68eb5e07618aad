package io.clusteragent.fleet;

import io.clusteragent.config.FleetSettings;
import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.eventrecord.RecordType;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline, each part as it runs: the agent watching fabric8's CRUD mock API server and forwarding with
 * {@code EVENT_FORWARDING=kafka}, a real in-process broker, the analyzer with the built-in rules, and a read_committed
 * reader of the anomaly topics. Events are created and their counts raised on the API server as a kubelet would.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class AgentToAnalyzerMockServerTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String CLUSTER = "e2e-eu-1";
    private static final FleetTopics TOPICS = FleetTopics.defaults();
    private static EmbeddedKafka kafka;

    KubernetesClient client;

    @TempDir
    Path dirs;

    /** Every (Event uid, count) the API server held, to compare with what was forwarded. */
    private final Set<String> created = new HashSet<>();
    /** The pod-failures window is five minutes: every occurrence is stamped with one instant, so all fall in one. */
    private final Instant seen = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(
                Map.of(TOPICS.events(), 1, TOPICS.anomalies(), 1, TOPICS.platform(), 1, TOPICS.customer(), 1));
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void podFailuresCrossingTheRuleOnTheApiServerRaiseOneAnomalyAndEveryCountIsForwardedOnce() throws Exception {
        FleetSettings settings = FleetSettings.fromMap(
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "FLEET_APPLICATION_ID", "fleet-chained",
                        "FLEET_STATE_DIR", dirs.resolve("state").toString()),
                List.of());
        try (ForwardingAgent agent =
                        ForwardingAgent.start(client, CLUSTER, kafka.bootstrapServers(), dirs.resolve("spool"));
                FleetAnalyzer analyzer =
                        FleetAnalyzer.create(settings, RuleFile.defaults()).start();
                KafkaConsumer<String, byte[]> events = eventReader();
                KafkaConsumer<String, Anomaly> anomalies = kafka.anomalyConsumer(List.of(TOPICS.anomalies()))) {
            Map<String, String> uids = new HashMap<>();
            uids.put("backoff", create("web-1-backoff", "web-1", "BackOff", 1));
            uids.put("mount", create("web-1-mount", "web-1", "FailedMount", 2));
            uids.put("other", create("web-2-backoff", "web-2", "BackOff", 3));
            List<EventRecord> forwarded = new ArrayList<>();
            awaitForwarded(events, forwarded);

            // The kubelet raises the counts one by one; each is forwarded before the next.
            for (int[] bump : new int[][] {{4, 0}, {7, 5}, {11, 0}}) {
                setCount("web-1-backoff", uids.get("backoff"), bump[0]);
                if (bump[1] > 0) {
                    setCount("web-1-mount", uids.get("mount"), bump[1]);
                }
                awaitForwarded(events, forwarded);
            }
            List<Anomaly> found = new ArrayList<>();
            assertWithin(WAIT, () -> {
                anomalies.poll(Duration.ofMillis(100)).forEach(record -> found.add(record.value()));
                assertThat(found).isNotEmpty();
            });

            // More occurrences in the same window: the rule has fired for this pod and reason, and stays quiet.
            setCount("web-1-backoff", uids.get("backoff"), 14);
            awaitForwarded(events, forwarded);
            long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < quietUntil) {
                anomalies.poll(Duration.ofMillis(200)).forEach(record -> found.add(record.value()));
            }

            assertThat(found).singleElement().satisfies(anomaly -> {
                assertThat(anomaly.rule()).isEqualTo("pod-failures");
                assertThat(anomaly.clusterId()).isEqualTo(CLUSTER);
                assertThat(anomaly.key()).isEqualTo(new AnomalyKey("shop", "Pod", "web-1", "BackOff", null));
                assertThat(anomaly.count()).isEqualTo(11);
                assertThat(anomaly.eventUids()).containsExactly(uids.get("backoff"));
            });
            assertThat(forwarded)
                    .extracting(record -> record.eventUid() + "@" + record.count())
                    .as("each count the API server held, forwarded once")
                    .containsExactlyInAnyOrderElementsOf(created);
        }
    }

    private String create(String name, String pod, String reason, int count) {
        Event event = client.v1()
                .events()
                .inNamespace("shop")
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace("shop")
                        .endMetadata()
                        .withNewInvolvedObject()
                        .withKind("Pod")
                        .withNamespace("shop")
                        .withName(pod)
                        .withUid("uid-" + pod)
                        .endInvolvedObject()
                        .withType("Warning")
                        .withReason(reason)
                        .withMessage(reason + " of " + pod)
                        .withCount(count)
                        .withFirstTimestamp(seen.toString())
                        .withLastTimestamp(seen.toString())
                        .build())
                .create();
        created.add(event.getMetadata().getUid() + "@" + count);
        return event.getMetadata().getUid();
    }

    private void setCount(String name, String uid, int count) {
        client.v1().events().inNamespace("shop").withName(name).edit(event -> {
            event.setCount(count);
            return event;
        });
        created.add(uid + "@" + count);
    }

    /** Reads event records until every (uid, count) created so far has been forwarded. */
    private void awaitForwarded(KafkaConsumer<String, byte[]> events, List<EventRecord> forwarded) {
        assertWithin(WAIT, () -> {
            for (ConsumerRecord<String, byte[]> record : events.poll(Duration.ofMillis(100))) {
                EventRecord read = EventRecordJson.read(record.value());
                if (read.recordType() == RecordType.event) {
                    forwarded.add(read);
                }
            }
            assertThat(forwarded)
                    .extracting(record -> record.eventUid() + "@" + record.count())
                    .containsAll(created);
        });
    }

    private KafkaConsumer<String, byte[]> eventReader() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers", kafka.bootstrapServers(),
                        "isolation.level", "read_committed",
                        "enable.auto.commit", "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(TOPICS.events(), 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }
}
