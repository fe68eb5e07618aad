package io.clusteragent.fleet;

import io.clusteragent.config.FleetSettings;
import io.clusteragent.eventrecord.EventRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet analyzer demo, without a Kafka installation: {@code mvn -B -q test -Dtest=FleetDemo
 * -Dsurefire.failIfNoSpecifiedTests=false}. It starts a single-node Kafka in the JVM, replays the demo cluster's Events
 * as three clusters of a fleet into the analyzer with the built-in rules, and prints every anomaly it writes. Not
 * part of the build's tests (its name does not end in Test): it exists to be run and read.
 */
class FleetDemo {

    private static final FleetTopics TOPICS = FleetTopics.defaults();
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final List<String> CLUSTERS = List.of("demo-eu-1", "demo-us-1", "demo-ap-1");

    @TempDir
    Path stateDir;

    @Test
    void printsTheAnomaliesTheAnalyzerFindsInTheDemoFleet() throws Exception {
        List<EventRecord> records = DemoClusterEvents.asClusters(CLUSTERS, Instant.now());
        List<Anomaly> anomalies = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(
                    Map.of(TOPICS.events(), 3, TOPICS.anomalies(), 1, TOPICS.platform(), 1, TOPICS.customer(), 1));
            FleetSettings settings = FleetSettings.fromMap(
                    Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                            "FLEET_APPLICATION_ID", "fleet-demo",
                            "FLEET_STATE_DIR", stateDir.toString()),
                    List.of());
            try (FleetAnalyzer analyzer =
                            FleetAnalyzer.create(settings, RuleFile.defaults()).start();
                    KafkaProducer<String, byte[]> producer = kafka.producer();
                    KafkaConsumer<String, Anomaly> consumer = kafka.anomalyConsumer(List.of(TOPICS.anomalies()))) {
                System.out.printf(
                        "%nfleet demo: %d event records of the demo cluster, as %s%n", records.size(), CLUSTERS);
                kafka.send(producer, TOPICS.events(), records);
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                long quietSince = System.nanoTime();
                // Done when anomalies have come and then nothing more for a few commit intervals.
                while (System.nanoTime() < deadline
                        && (anomalies.isEmpty() || System.nanoTime() - quietSince < QUIET.toNanos())) {
                    for (ConsumerRecord<String, Anomaly> record : consumer.poll(Duration.ofMillis(200))) {
                        anomalies.add(record.value());
                        quietSince = System.nanoTime();
                        System.out.println(new String(
                                FleetTopology.ANOMALY_SERDE.serializer().serialize(record.topic(), record.value())));
                    }
                }
            }
        }
        System.out.printf("fleet demo: %d anomalies%n%n", anomalies.size());
        assertThat(anomalies).extracting(Anomaly::rule).contains("pod-failures", "fleet-image-failures");
    }
}
