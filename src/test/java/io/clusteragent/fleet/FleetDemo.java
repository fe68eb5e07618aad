package io.clusteragent.fleet;

import io.clusteragent.config.FleetSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
 * The fleet demo, without a Kafka installation: {@code mvn -B -q test -Dtest=FleetDemo
 * -Dsurefire.failIfNoSpecifiedTests=false}. It starts a single-node Kafka in the JVM and three demo clusters, each an
 * API server holding the demo cluster's objects with an agent forwarding its Events ({@code EVENT_FORWARDING=kafka});
 * the analyzer runs the built-in rules over what they send and every anomaly it writes is printed. Not part of the
 * build's tests (its name does not end in Test): it exists to be run and read.
 */
class FleetDemo {

    private static final FleetTopics TOPICS = FleetTopics.defaults();
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final List<String> CLUSTERS = List.of("demo-eu-1", "demo-us-1", "demo-ap-1");

    @TempDir
    Path dirs;

    @Test
    void printsTheAnomaliesTheAnalyzerFindsInTheDemoFleet() throws Exception {
        List<Anomaly> anomalies = new ArrayList<>();
        List<AutoCloseable> fleet = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(
                    Map.of(TOPICS.events(), 3, TOPICS.anomalies(), 1, TOPICS.platform(), 1, TOPICS.customer(), 1));
            Instant now = Instant.now();
            for (String cluster : CLUSTERS) {
                DemoApiServer apiServer = DemoApiServer.start(now);
                fleet.add(apiServer);
                fleet.add(ForwardingAgent.start(
                        apiServer.client(), cluster, kafka.bootstrapServers(), dirs.resolve("spool-" + cluster)));
            }
            System.out.printf("%nfleet demo: agents forwarding the demo cluster's Events as %s%n", CLUSTERS);
            FleetSettings settings = FleetSettings.fromMap(
                    Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                            "FLEET_APPLICATION_ID", "fleet-demo",
                            "FLEET_STATE_DIR", dirs.resolve("state").toString()),
                    List.of());
            try (FleetAnalyzer analyzer =
                            FleetAnalyzer.create(settings, RuleFile.defaults()).start();
                    KafkaConsumer<String, Anomaly> consumer = kafka.anomalyConsumer(List.of(TOPICS.anomalies()))) {
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
            } finally {
                for (int i = fleet.size() - 1; i >= 0; i--) {
                    fleet.get(i).close();
                }
            }
        }
        System.out.printf("fleet demo: %d anomalies%n%n", anomalies.size());
        assertThat(anomalies).extracting(Anomaly::rule).contains("pod-failures", "fleet-image-failures");
    }
}
