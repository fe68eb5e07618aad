package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.EventRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The analyzer: every rule reads the events topic, and their anomalies go to the topic of all anomalies and to the
 * topic of their category.
 */
public final class FleetTopology {

    static final Serde<Anomaly> ANOMALY_SERDE = new JsonSerde<>(Anomaly.class);

    private FleetTopology() {}

    public static Topology build(RuleSet rules, FleetTopics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, EventRecord> events = builder.stream(
                topics.events(),
                Consumed.with(Serdes.String(), RuleStream.EVENT_SERDE)
                        .withTimestampExtractor(new EventTime())
                        .withName("events"));
        KStream<String, Anomaly> anomalies = null;
        for (Rule rule : rules.rules()) {
            KStream<String, Anomaly> found = RuleStream.detect(events, rule);
            anomalies = anomalies == null ? found : anomalies.merge(found, Named.as("rule-" + rule.name() + "-merge"));
        }
        Produced<String, Anomaly> produced = Produced.with(Serdes.String(), ANOMALY_SERDE);
        anomalies.to(topics.anomalies(), produced.withName("anomalies"));
        anomalies
                .filter((cluster, anomaly) -> anomaly.category() == Category.Platform, Named.as("platform"))
                .to(
                        topics.platform(),
                        Produced.with(Serdes.String(), ANOMALY_SERDE).withName("platform-anomalies"));
        anomalies
                .filter((cluster, anomaly) -> anomaly.category() == Category.Customer, Named.as("customer"))
                .to(
                        topics.customer(),
                        Produced.with(Serdes.String(), ANOMALY_SERDE).withName("customer-anomalies"));
        return builder.build();
    }
}
