package io.clusteragent.fleet;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.RecordType;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One rule as a branch of the topology: what it takes of the records it counts, under its grouping key, counted in
 * windows kept in memory (restored from their changelog topic on restart) and reported on the first crossing of each
 * key and window.
 *
 * <p>A rule that groups by cluster counts where the events topic's records are: they are keyed by cluster id, so one
 * cluster's records, and with them all of one key's, are in one partition already. Only a rule spanning clusters
 * repartitions, and then only its small {@link Sighting}s, with heartbeats broadcast to every partition so that
 * windows close on quiet ones. Internal topics and stores are named after the rule, so they keep their names when
 * other rules are added or removed.
 */
final class RuleStream {

    static final Serde<EventRecord> EVENT_SERDE = new EventRecordSerde();

    private RuleStream() {}

    static KStream<String, Anomaly> detect(KStream<String, EventRecord> events, Rule rule) {
        String prefix = "rule-" + rule.name();
        KStream<RuleKey, Sighting> sightings =
                events.flatMap((cluster, record) -> sighted(rule, record), Named.as(prefix + "-select"));
        if (!rule.perCluster()) {
            sightings = sightings.repartition(Repartitioned.<RuleKey, Sighting>as(prefix)
                    .withKeySerde(RuleKey.SERDE)
                    .withValueSerde(Sighting.SERDE)
                    .withStreamPartitioner(new HeartbeatBroadcast()));
        }
        return sightings.process(counter(rule, prefix + "-windows"), Named.as(prefix + "-count"));
    }

    /**
     * What the rule counts of the record, under the rule's key; a heartbeat under the heartbeat key when the rule
     * repartitions (elsewhere the task's stream time has seen it already); else nothing.
     */
    private static List<KeyValue<RuleKey, Sighting>> sighted(Rule rule, EventRecord record) {
        if (record == null) {
            return List.of();
        }
        if (record.recordType() == RecordType.heartbeat) {
            return rule.perCluster() ? List.of() : List.of(KeyValue.pair(RuleKey.HEARTBEAT, Sighting.HEARTBEAT));
        }
        RuleKey key = rule.counts(record) ? RuleKey.of(record, rule.groupBy()) : null;
        return key == null ? List.of() : List.of(KeyValue.pair(key, Sighting.of(rule, record)));
    }

    private static ProcessorSupplier<RuleKey, Sighting, String, Anomaly> counter(Rule rule, String storeName) {
        Duration retention = rule.window().plus(rule.grace());
        StoreBuilder<WindowStore<RuleKey, Tally>> store = Stores.windowStoreBuilder(
                        Stores.inMemoryWindowStore(storeName, retention, rule.window(), false),
                        RuleKey.SERDE,
                        Tally.SERDE)
                .withCachingEnabled();
        return new ProcessorSupplier<>() {
            @Override
            public Processor<RuleKey, Sighting, String, Anomaly> get() {
                return new RuleCounter(rule, storeName);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }
}
