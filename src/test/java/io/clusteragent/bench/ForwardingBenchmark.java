package io.clusteragent.bench;

import io.clusteragent.config.AgentConfig;
import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.eventrecord.InvolvedObject;
import io.clusteragent.eventrecord.RecordType;
import io.clusteragent.forwarding.EdgeFilter;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Prints what event forwarding costs: occurrences per second of CPU through the edge (occurrence
 * counting, Normal filter, classification, rate limits) on one thread, and records per second from an
 * idempotent {@code acks=all} producer to an in-process broker. Run with
 * {@code mvn -B -q test -Dtest=ForwardingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ForwardingBenchmark {

    private static final int EVENTS = 20_000;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 30);
    private static final int RECORDS = Integer.getInteger("bench.records", 200_000);

    @Test
    void edgeFilter() {
        AgentConfig config = AgentConfig.fromMap(
                Map.of(
                        "EVENT_CATEGORY_RULES",
                        "Platform:namespaceLabel.platform.example.com/tier=infra;Platform:controller~(cert-manager|karpenter).*;platform-namespaces;Customer:namespace=tenant-*"),
                List.of());
        Map<String, Map<String, String>> labels = Map.of("ns-3", Map.of("platform.example.com/tier", "infra"));
        EdgeFilter filter = EdgeFilter.of(
                config.forwarding(),
                config.detection().platformNamespaces(),
                ns -> labels.getOrDefault(ns, Map.of()),
                0);
        // Each round raises every event's count: one update per event, as the correlator PATCHes them.
        List<List<Event>> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<Event> events = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                events.add(event(i, round));
            }
            rounds.add(events);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<EdgeFilter.Outcome, Long> outcomes = new EnumMap<>(EdgeFilter.Outcome.class);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long observations = 0;
        for (List<Event> events : rounds) {
            for (Event event : events) {
                outcomes.merge(filter.observe(event, System.nanoTime()).outcome(), 1L, Long::sum);
                observations++;
            }
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%nEdge filter: %,d observations of %,d events (90%% Normal, 20 namespaces, 40 reasons) in %.2f s CPU (%.2f s wall)%n"
                        + "  %,.0f observations per CPU second on one thread; outcomes %s%n%n",
                observations, EVENTS, cpuSeconds, wallSeconds, observations / cpuSeconds, outcomes);
    }

    @Test
    void producerToALocalBroker() throws Exception {
        try (KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumControllerNodes(1)
                        .setNumBrokerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build()) {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            try (var admin = kit.admin()) {
                admin.createTopics(List.of(new NewTopic("k8s.events", 1, (short) 1)))
                        .all()
                        .get();
            }
            byte[] value = EventRecordJson.write(new EventRecord(
                    EventRecord.SCHEMA_VERSION,
                    RecordType.event,
                    "bench",
                    "dev",
                    Instant.now(),
                    null,
                    "Warning",
                    "BackOff",
                    "Back-off restarting failed container app in pod cart-7d9f_shop",
                    new InvolvedObject("Pod", "shop", "cart-7d9f", "0b8e6a52-5f0d-4a3e-9d55-8c1f3f0f2a11"),
                    "5d7c3c5e-1c1a-4f57-9f55-0d6c7d8f9e0a",
                    7,
                    1,
                    Instant.now(),
                    Instant.now(),
                    "registry.example/cart:1.2"));
            Map<String, Object> config =
                    Map.of("bootstrap.servers", kit.bootstrapServers(), "enable.idempotence", "true", "acks", "all");
            try (KafkaProducer<String, byte[]> producer =
                    new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
                CountDownLatch acknowledged = new CountDownLatch(RECORDS);
                long start = System.nanoTime();
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(
                            new ProducerRecord<>("k8s.events", "bench", value), (m, e) -> acknowledged.countDown());
                }
                acknowledged.await();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "%nProducer (idempotent, acks=all) to an in-process broker: %,d records of %d bytes in %.2f s: %,.0f records/s%n%n",
                        RECORDS, value.length, seconds, RECORDS / seconds);
            }
        }
    }

    private static Event event(int i, int round) {
        boolean normal = i % 10 != 0;
        String namespace = "ns-" + (i % 20);
        return new EventBuilder()
                .withNewMetadata()
                .withName("pod-" + i + ".e")
                .withNamespace(namespace)
                .withUid("uid-" + i)
                .withResourceVersion(Integer.toString(round * EVENTS + i + 1))
                .endMetadata()
                .withType(normal ? "Normal" : "Warning")
                .withReason((normal ? "Pulled" : "BackOff") + (i % 40))
                .withMessage("Back-off restarting failed container app in pod pod-" + i)
                .withCount(round + 1)
                .withFirstTimestamp("2026-11-30T10:00:00Z")
                .withLastTimestamp("2026-11-30T10:05:00Z")
                .withNewSource("kubelet", "node-" + (i % 100))
                .withNewInvolvedObject()
                .withKind("Pod")
                .withNamespace(namespace)
                .withName("pod-" + i)
                .withUid("pod-uid-" + i)
                .withFieldPath("spec.containers{app}")
                .endInvolvedObject()
                .build();
    }
}
