package io.clusteragent.fleet;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.metrics.StreamsMetricsImpl;
import org.apache.kafka.streams.processor.internals.metrics.TaskMetrics;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Counts one rule's sightings in its event-time windows and reports the first crossing of each key and window, as
 * Kafka Streams' windowed aggregation would, but in one store access per window: the count and whether it alerted
 * live in one {@link Tally}, so that no second store is read and written per record, and a record cache merging
 * updates between commits cannot change which update crosses first.
 *
 * <p>A window closes when the task's stream time (the largest record time among its partitions, heartbeats
 * included) passes its end plus the rule's grace; a record for a closed window is logged and counted in the task's
 * {@code dropped-records} metric, as the windowed aggregation does.
 */
final class RuleCounter implements Processor<RuleKey, Sighting, String, Anomaly> {

    private static final Logger LOG = LoggerFactory.getLogger(RuleCounter.class);

    private final Rule rule;
    private final String storeName;
    private final TimeWindows windows;
    private ProcessorContext<String, Anomaly> context;
    private WindowStore<RuleKey, Tally> store;
    private Sensor dropped;

    RuleCounter(Rule rule, String storeName) {
        this.rule = rule;
        this.storeName = storeName;
        this.windows = TimeWindows.ofSizeAndGrace(rule.window(), rule.grace()).advanceBy(rule.advance());
    }

    @Override
    public void init(ProcessorContext<String, Anomaly> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.dropped = TaskMetrics.droppedRecordsSensor(
                Thread.currentThread().getName(), context.taskId().toString(), (StreamsMetricsImpl) context.metrics());
    }

    @Override
    public void process(Record<RuleKey, Sighting> record) {
        if (record.key() == null || record.value() == null || record.key().isHeartbeat()) {
            return;
        }
        long timestamp = record.timestamp();
        long closed = Math.max(context.currentStreamTimeMs(), timestamp) - windows.gracePeriodMs();
        for (Map.Entry<Long, TimeWindow> entry : windows.windowsFor(timestamp).entrySet()) {
            TimeWindow window = entry.getValue();
            if (window.end() > closed) {
                count(record.key(), record.value(), timestamp, window);
            } else {
                LOG.warn(
                        "rule {} skips a record at {} for window [{},{}) closed at stream time {} less grace",
                        rule.name(),
                        timestamp,
                        window.start(),
                        window.end(),
                        closed);
                dropped.record();
            }
        }
    }

    private void count(RuleKey key, Sighting sighting, long timestamp, TimeWindow window) {
        Tally before = store.fetch(key, window.start());
        Tally after = (before == null ? Tally.empty() : before).add(sighting, timestamp);
        if (!after.alerted() && after.count() >= rule.atLeast()) {
            after = after.markAlerted();
            forward(AnomalyOf.crossing(rule, key, window, after, Instant.ofEpochMilli(after.latest())), after.latest());
        }
        store.put(key, after, window.start());
    }

    private void forward(Anomaly anomaly, long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Anomaly.CATEGORY_HEADER, anomaly.category().name().getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(anomaly.clusterId(), anomaly, timestamp, headers));
    }
}
