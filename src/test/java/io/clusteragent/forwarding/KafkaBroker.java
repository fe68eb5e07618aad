package io.clusteragent.forwarding;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.testing.SingleBrokerKafka;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A one-broker KRaft cluster in this JVM, which a test can stop and start again on the same port. */
final class KafkaBroker implements AutoCloseable {

    static final String TOPIC = "k8s.events";

    private final KafkaClusterTestKit kit;

    private KafkaBroker(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    static KafkaBroker start() throws Exception {
        KafkaClusterTestKit kit = SingleBrokerKafka.start();
        try (var admin = kit.admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        return new KafkaBroker(kit);
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** The broker goes away; the controller stays, as when a broker pod restarts. */
    void stopBroker() {
        kit.brokers().values().forEach(broker -> broker.shutdown());
        kit.brokers().values().forEach(broker -> broker.awaitShutdown());
    }

    void startBroker() throws Exception {
        kit.brokers().values().forEach(broker -> broker.startup());
        kit.waitForReadyBrokers();
    }

    /** Reads the topic from the start as a read_committed consumer would. */
    Reader reader() {
        return new Reader(new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers", bootstrapServers(),
                        "isolation.level", "read_committed",
                        "enable.auto.commit", "false"),
                new StringDeserializer(),
                new ByteArrayDeserializer()));
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }

    /** Every record of the topic so far, with its key, in partition order. */
    static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

        Reader(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
        }

        List<ConsumerRecord<String, byte[]>> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            return List.copyOf(read);
        }

        /** The event records read so far (not heartbeats or summaries). */
        List<EventRecord> events() {
            return poll().stream()
                    .map(record -> EventRecordJson.read(record.value()))
                    .filter(record -> record.recordType() == io.clusteragent.eventrecord.RecordType.event)
                    .toList();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
