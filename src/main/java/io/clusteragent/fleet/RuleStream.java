package io.clusteragent.fleet;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.RecordType;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One rule as a branch of the topology: the records it counts, re-keyed by its grouping and repartitioned so that
 * one task sees all of a key, counted in windows kept in memory (restored from their changelog topic on restart),
 * and reported on the first crossing of each key and window. Internal topics and stores are named after the rule,
 * so they keep their names when other rules are added or removed.
 */
final class RuleStream {

    static final Serde<RuleKey> KEY_SERDE = new JsonSerde<>(RuleKey.class);
    static final Serde<Tally> TALLY_SERDE = new JsonSerde<>(Tally.class);
    static final Serde<EventRecord> EVENT_SERDE = new EventRecordSerde();

    private RuleStream() {}

    static KStream<String, Anomaly> detect(KStream<String, EventRecord> events, Rule rule) {
        String prefix = "rule-" + rule.name();
        Duration retention = rule.window().plus(rule.grace());
        String alertedStore = prefix + "-alerted";
        return events.flatMap((cluster, record) -> counted(rule, record), Named.as(prefix + "-select"))
                .repartition(Repartitioned.<RuleKey, EventRecord>as(prefix)
                        .withKeySerde(KEY_SERDE)
                        .withValueSerde(EVENT_SERDE)
                        .withStreamPartitioner(new HeartbeatBroadcast()))
                .groupByKey(Grouped.with(KEY_SERDE, EVENT_SERDE))
                .windowedBy(
                        TimeWindows.ofSizeAndGrace(rule.window(), rule.grace()).advanceBy(rule.advance()))
                .aggregate(
                        Tally::empty,
                        (key, record, tally) -> tally.add(record, rule.count()),
                        Named.as(prefix + "-count"),
                        Materialized.<RuleKey, Tally>as(Stores.inMemoryWindowStore(
                                        prefix + "-windows", retention, rule.window(), false))
                                .withKeySerde(KEY_SERDE)
                                .withValueSerde(TALLY_SERDE))
                .toStream(Named.as(prefix + "-updates"))
                .process(firstCrossing(rule, alertedStore, retention), Named.as(prefix + "-first-crossing"));
    }

    /** The record under the rule's key when the rule counts it; a heartbeat under the heartbeat key; else nothing. */
    private static List<KeyValue<RuleKey, EventRecord>> counted(Rule rule, EventRecord record) {
        if (record == null) {
            return List.of();
        }
        if (record.recordType() == RecordType.heartbeat) {
            return List.of(KeyValue.pair(RuleKey.HEARTBEAT, record));
        }
        RuleKey key = rule.counts(record) ? RuleKey.of(record, rule.groupBy()) : null;
        return key == null ? List.of() : List.of(KeyValue.pair(key, record));
    }

    private static ProcessorSupplier<Windowed<RuleKey>, Tally, String, Anomaly> firstCrossing(
            Rule rule, String storeName, Duration retention) {
        StoreBuilder<WindowStore<RuleKey, Long>> store = Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(storeName, retention, rule.window(), false), KEY_SERDE, Serdes.Long());
        return new ProcessorSupplier<>() {
            @Override
            public Processor<Windowed<RuleKey>, Tally, String, Anomaly> get() {
                return new FirstCrossing(rule, storeName);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }
}
