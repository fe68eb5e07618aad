package io.clusteragent.fleet;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.testing.SingleBrokerKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A single-broker Kafka in this JVM, with what the analyzer's end-to-end test, the demo and the benchmark ask of it. */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit kit;

    private EmbeddedKafka(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    public static EmbeddedKafka start() throws Exception {
        return new EmbeddedKafka(SingleBrokerKafka.start());
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** Creates each topic with its number of partitions. */
    public void createTopics(Map<String, Integer> partitions) throws Exception {
        try (Admin admin = kit.admin()) {
            admin.createTopics(partitions.entrySet().stream()
                            .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                            .toList())
                    .all()
                    .get();
        }
    }

    /** A producer as the agents configure theirs: idempotent, every write acknowledged. */
    public KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        1),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Sends the records keyed by cluster id, in the agents' wire form, and waits until every one is acknowledged. */
    public void send(KafkaProducer<String, byte[]> producer, String topic, List<EventRecord> records) {
        records.forEach(record ->
                producer.send(new ProducerRecord<>(topic, record.clusterId(), EventRecordJson.write(record))));
        producer.flush();
    }

    /** A consumer that only sees committed transactions, subscribed to {@code topics} from their beginning. */
    public KafkaConsumer<String, Anomaly> anomalyConsumer(List<String> topics) {
        KafkaConsumer<String, Anomaly> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "anomaly-reader-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                FleetTopology.ANOMALY_SERDE.deserializer());
        consumer.subscribe(topics);
        return consumer;
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
