package io.clusteragent.fleet;

import io.clusteragent.config.FleetSettings;
import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.InvolvedObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzer against a real (in-process, single-node KRaft) Kafka: records produced as the agents produce them,
 * anomalies read back with read_committed, across a restart of the analyzer in the middle of the stream.
 */
class FleetAnalyzerEndToEndTest {

    /**
     * Windows start at the current ten minutes: the broker deletes changelog records older than a window's
     * retention plus a day by their timestamp, so records far in the past would lose the state a restart restores.
     */
    private static final Instant T0 = Instant.ofEpochMilli(System.currentTimeMillis()
            / Duration.ofMinutes(10).toMillis()
            * Duration.ofMinutes(10).toMillis());

    private static final FleetTopics TOPICS = FleetTopics.defaults();

    private static EmbeddedKafka kafka;

    @TempDir
    Path stateDirs;

    private int uid;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(
                Map.of(TOPICS.events(), 3, TOPICS.anomalies(), 2, TOPICS.platform(), 1, TOPICS.customer(), 1));
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void anAnalyzerRestartedMidStreamLosesNoAnomalyAndRepeatsNone() throws Exception {
        try (KafkaProducer<String, byte[]> producer = kafka.producer();
                KafkaConsumer<String, Anomaly> all = kafka.anomalyConsumer(List.of(TOPICS.anomalies()));
                KafkaConsumer<String, Anomaly> routed =
                        kafka.anomalyConsumer(List.of(TOPICS.platform(), TOPICS.customer()))) {
            List<ConsumerRecord<String, Anomaly>> seen = new ArrayList<>();
            try (FleetAnalyzer first = analyzer("first").start()) {
                kafka.send(
                        producer,
                        TOPICS.events(),
                        List.of(
                                pod("c1", "web-1", 11, 10), // crosses now
                                pod("c1", "web-2", 6, 20), // crosses only with the occurrences after the restart
                                node("c2", "node-a", 30),
                                node("c2", "node-a", 40),
                                node("c2", "node-a", 50))); // crosses now
                awaitAnomalies(all, seen, 2);
            }

            // Sent while no analyzer runs; the next one starts with an empty state directory, so what it knows
            // of the windows comes from their changelog topics.
            kafka.send(
                    producer,
                    TOPICS.events(),
                    List.of(
                            pod("c1", "web-1", 5, 60), // same window, already alerted: no second anomaly
                            pod("c1", "web-2", 5, 70), // 6 before the restart + 5 = 11: alerts
                            node("c2", "node-a", 80)));
            try (FleetAnalyzer second = analyzer("second").start()) {
                awaitAnomalies(all, seen, 3);
                quietPeriod(all, seen);
            }

            assertThat(seen)
                    .as(
                            "anomalies: %s",
                            seen.stream().map(ConsumerRecord::value).toList())
                    .extracting(record ->
                            record.value().rule() + " " + record.value().key().name())
                    .containsExactlyInAnyOrder("pod-failures web-1", "pod-failures web-2", "node-not-ready node-a");
            ConsumerRecord<String, Anomaly> node = seen.stream()
                    .filter(record -> record.value().rule().equals("node-not-ready"))
                    .findFirst()
                    .orElseThrow();
            assertThat(new String(
                            node.headers().lastHeader(Anomaly.CATEGORY_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("Platform");
            assertThat(node.key()).isEqualTo("c2");
            Anomaly web2 = seen.stream()
                    .map(ConsumerRecord::value)
                    .filter(anomaly -> "web-2".equals(anomaly.key().name()))
                    .findFirst()
                    .orElseThrow();
            assertThat(web2.count()).isEqualTo(11);

            List<ConsumerRecord<String, Anomaly>> split = new ArrayList<>();
            awaitAnomalies(routed, split, 3);
            assertThat(split)
                    .allSatisfy(record -> assertThat(record.topic())
                            .isEqualTo(
                                    record.value().category() == Category.Platform
                                            ? TOPICS.platform()
                                            : TOPICS.customer()));
        }
    }

    private FleetAnalyzer analyzer(String instance) {
        FleetSettings settings = FleetSettings.fromMap(
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "FLEET_APPLICATION_ID", "fleet-e2e",
                        "FLEET_STATE_DIR", stateDirs.resolve(instance).toString()),
                List.of());
        return FleetAnalyzer.create(settings, RuleFile.defaults());
    }

    private EventRecord pod(String cluster, String pod, long occurrences, long seconds) {
        return record(cluster, new InvolvedObject("Pod", "shop", pod, "uid-" + pod), "BackOff", occurrences, seconds)
                .build();
    }

    private EventRecord node(String cluster, String node, long seconds) {
        return record(cluster, new InvolvedObject("Node", null, node, "uid-" + node), "NodeNotReady", 1, seconds)
                .withCategory(Category.Platform)
                .build();
    }

    private FleetDriver.Records.Builder record(
            String cluster, InvolvedObject object, String reason, long occurrences, long seconds) {
        return new FleetDriver.Records.Builder(
                cluster, object, reason, "event-" + (++uid), occurrences, T0.plusSeconds(seconds));
    }

    /** Polls until {@code seen} holds {@code count} anomalies, within a bound. */
    private static void awaitAnomalies(
            KafkaConsumer<String, Anomaly> consumer, List<ConsumerRecord<String, Anomaly>> seen, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        assertThat(seen).as("anomalies within 60 s").hasSizeGreaterThanOrEqualTo(count);
    }

    /**
     * A duplicate would come from records processed again after the restart, which happens before the new records'
     * anomaly appears; still, give it many commit intervals to show up.
     */
    private static void quietPeriod(
            KafkaConsumer<String, Anomaly> consumer, List<ConsumerRecord<String, Anomaly>> seen) {
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }
}
