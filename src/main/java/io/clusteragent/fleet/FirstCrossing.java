package io.clusteragent.fleet;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns a rule's window updates into anomalies: one for the first update that reaches the threshold, none for the
 * updates after it in the same window. Which (key, window) pairs have alerted is kept in a changelogged window store
 * rather than inferred from the count, so that the answer survives restarts and does not depend on which updates a
 * record cache happened to merge.
 */
final class FirstCrossing implements Processor<Windowed<RuleKey>, Tally, String, Anomaly> {

    private final Rule rule;
    private final String storeName;
    private ProcessorContext<String, Anomaly> context;
    private WindowStore<RuleKey, Long> alerted;

    FirstCrossing(Rule rule, String storeName) {
        this.rule = rule;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Anomaly> context) {
        this.context = context;
        this.alerted = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<Windowed<RuleKey>, Tally> update) {
        Tally tally = update.value();
        if (tally == null || tally.count() < rule.atLeast()) {
            return;
        }
        RuleKey key = update.key().key();
        long windowStart = update.key().window().start();
        if (alerted.fetch(key, windowStart) != null) {
            return;
        }
        alerted.put(key, windowStart, windowStart);
        Anomaly anomaly =
                AnomalyOf.crossing(rule, key, update.key().window(), tally, Instant.ofEpochMilli(update.timestamp()));
        RecordHeaders headers = new RecordHeaders();
        headers.add(Anomaly.CATEGORY_HEADER, anomaly.category().name().getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(anomaly.clusterId(), anomaly, update.timestamp(), headers));
    }
}
