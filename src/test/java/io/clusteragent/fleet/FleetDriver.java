package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.eventrecord.InvolvedObject;
import io.clusteragent.eventrecord.RecordType;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** The analyzer's topology in a {@link TopologyTestDriver}, fed event records as the agents write them. */
final class FleetDriver implements AutoCloseable {

    /** Aligned to every default window size, so a test's windows start here. */
    static final Instant T0 = Instant.parse("2026-01-07T10:00:00Z");

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> events;
    private final TestOutputTopic<String, Anomaly> anomalies;
    private final TestOutputTopic<String, Anomaly> platform;
    private final TestOutputTopic<String, Anomaly> customer;
    private int uid;

    FleetDriver(RuleSet rules) {
        FleetTopics topics = FleetTopics.defaults();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "fleet-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(FleetTopology.build(rules, topics), FleetStreamsConfig.analyzer(props));
        events = driver.createInputTopic(topics.events(), new StringSerializer(), new ByteArraySerializer());
        anomalies = output(topics.anomalies());
        platform = output(topics.platform());
        customer = output(topics.customer());
    }

    private TestOutputTopic<String, Anomaly> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), FleetTopology.ANOMALY_SERDE.deserializer());
    }

    /** An Event occurrence record for a pod, at {@code offset} after {@link #T0}. */
    void pod(String cluster, String namespace, String pod, String reason, long occurrences, Duration offset) {
        send(event(cluster, new InvolvedObject("Pod", namespace, pod, "uid-" + pod), reason, occurrences, offset));
    }

    void node(String cluster, String node, String reason, long occurrences, Duration offset) {
        send(event(cluster, new InvolvedObject("Node", null, node, "uid-" + node), reason, occurrences, offset)
                .withCategory(Category.Platform));
    }

    void heartbeat(String cluster, Duration offset) {
        send(EventRecord.heartbeat(cluster, "test", T0.plus(offset)));
    }

    void send(Records.Builder record) {
        send(record.build());
    }

    void send(EventRecord record) {
        events.pipeInput(record.clusterId(), EventRecordJson.write(record), record.timestamp());
    }

    void sendRaw(String key, byte[] value, Instant timestamp) {
        events.pipeInput(key, value, timestamp);
    }

    Records.Builder event(String cluster, InvolvedObject object, String reason, long occurrences, Duration offset) {
        return new Records.Builder(cluster, object, reason, "event-" + (++uid), occurrences, T0.plus(offset));
    }

    List<Anomaly> anomalies() {
        return anomalies.readValuesToList();
    }

    List<TestRecord<String, Anomaly>> anomalyRecords() {
        return anomalies.readRecordsToList();
    }

    List<Anomaly> platform() {
        return platform.readValuesToList();
    }

    List<Anomaly> customer() {
        return customer.readValuesToList();
    }

    static String header(TestRecord<String, Anomaly> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }

    /** Event records with the fields the rules read. */
    static final class Records {

        private Records() {}

        static final class Builder {
            private final String cluster;
            private final InvolvedObject object;
            private final String reason;
            private final String eventUid;
            private final long occurrences;
            private final Instant time;
            private RecordType type = RecordType.event;
            private Category category = Category.Customer;
            private String image;

            Builder(
                    String cluster,
                    InvolvedObject object,
                    String reason,
                    String eventUid,
                    long occurrences,
                    Instant time) {
                this.cluster = cluster;
                this.object = object;
                this.reason = reason;
                this.eventUid = eventUid;
                this.occurrences = occurrences;
                this.time = time;
            }

            Builder withCategory(Category category) {
                this.category = category;
                return this;
            }

            Builder withImage(String image) {
                this.image = image;
                return this;
            }

            Builder asSummary() {
                this.type = RecordType.summary;
                return this;
            }

            EventRecord build() {
                boolean summary = type == RecordType.summary;
                return new EventRecord(
                        EventRecord.SCHEMA_VERSION,
                        type,
                        cluster,
                        "test",
                        time,
                        category,
                        "Warning",
                        reason,
                        summary ? "suppressed occurrences" : "message of " + reason,
                        object,
                        summary ? null : eventUid,
                        summary ? 0 : occurrences,
                        occurrences,
                        time,
                        time,
                        image);
            }
        }
    }
}
