package io.clusteragent.fleet;

import io.clusteragent.publish.Backoff;
import io.clusteragent.publish.IncidentSink;
import io.clusteragent.publish.OutgoingIncident;
import io.vertx.core.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Moves anomalies from their topic into the Agent Service sink's spool, on a thread of its own (a Kafka consumer is
 * not thread-safe, and waiting for the spool must not block an event loop). A batch's offsets are committed only once
 * every anomaly of it is on disk: a crash before the commit reads them again, and the spool, or else the service by
 * the idempotency key, recognises them. When the spool cannot take a batch, the consumer goes back to the batch's
 * first offsets and tries again after a backoff; when the spool is nearly full, it stops fetching until deliveries
 * make room, so a long outage of the Agent Service leaves the anomalies in Kafka rather than evicting spooled ones.
 */
final class AnomalySpooler implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AnomalySpooler.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Longer than any fsync; a spool that takes longer is treated as failing and the batch is tried again. */
    private static final Duration SPOOL_WAIT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<Anomaly> anomalies;
    private final IncidentSink sink;
    private final Function<Anomaly, OutgoingIncident> toIncident;
    private final int spoolRoom;
    private final int batchSize;
    private final Backoff backoff;
    private final Runnable onFailure;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private int failures;

    /**
     * @param spoolRoom how many entries the spool holds at most
     * @param batchSize the consumer's {@code max.poll.records}
     * @param onFailure called once if reading stops for any reason but {@link #stop}
     */
    AnomalySpooler(
            KafkaConsumer<String, byte[]> consumer,
            Deserializer<Anomaly> anomalies,
            IncidentSink sink,
            Function<Anomaly, OutgoingIncident> toIncident,
            int spoolRoom,
            int batchSize,
            Backoff backoff,
            Runnable onFailure) {
        this.consumer = consumer;
        this.anomalies = anomalies;
        this.sink = sink;
        this.toIncident = toIncident;
        this.spoolRoom = spoolRoom;
        this.batchSize = batchSize;
        this.backoff = backoff;
        this.onFailure = onFailure;
    }

    @Override
    public void run() {
        try {
            while (stopping.getCount() > 0) {
                throttle();
                ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
                if (!batch.isEmpty()) {
                    spoolThenCommit(batch);
                }
            }
        } catch (WakeupException stopped) {
            // close() wakes a poll up to stop
        } catch (RuntimeException failure) {
            // Not authorized for the topic or the group, a fenced or deleted group: nothing a retry here mends.
            LOG.error("stopped relaying anomalies to the Agent Service: {}", failure.toString(), failure);
            onFailure.run();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Ends {@link #run} at its next poll; what was spooled and not committed is read again by the next run. */
    void stop() {
        stopping.countDown();
        consumer.wakeup();
    }

    private void throttle() {
        if (sink.stats().spoolDepth() + batchSize > spoolRoom) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    private void spoolThenCommit(ConsumerRecords<String, byte[]> batch) {
        List<Future<Void>> spooled = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            Anomaly anomaly = read(record);
            if (anomaly != null) {
                spooled.add(sink.publish(toIncident.apply(anomaly)));
            }
        }
        try {
            // join, not all: every write settles before a rewind offers the batch again, so none is written twice.
            Future.join(spooled)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(SPOOL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notSpooled) {
            Throwable cause = notSpooled.getCause() == null ? notSpooled : notSpooled.getCause();
            rewind(batch, cause.getMessage());
            return;
        }
        failures = 0;
        commit(batch);
    }

    private Anomaly read(ConsumerRecord<String, byte[]> record) {
        try {
            return anomalies.deserialize(record.topic(), record.value());
        } catch (KafkaException notAnAnomaly) {
            LOG.warn(
                    "skipped a record that is not an anomaly {} {} {}: {}",
                    kv("topic", record.topic()),
                    kv("partition", record.partition()),
                    kv("offset", record.offset()),
                    notAnAnomaly.getMessage());
            return null;
        }
    }

    private void commit(ConsumerRecords<String, byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<String, byte[]>> records = batch.records(partition);
            next.put(
                    partition,
                    new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(next);
        } catch (KafkaException lost) {
            // A rebalance took the partitions: their next owner reads the batch again, and the keys tell it apart.
            LOG.warn("could not commit spooled anomalies, they will be read again: {}", lost.toString());
        }
    }

    private void rewind(ConsumerRecords<String, byte[]> batch, String failure) {
        failures++;
        Duration delay = backoff.delay(failures);
        LOG.error(
                "could not spool anomalies for the Agent Service, reading them again {} {} {}",
                kv("anomalies", batch.count()),
                kv("failure", failure),
                kv("retryInMs", delay.toMillis()));
        for (TopicPartition partition : batch.partitions()) {
            consumer.seek(partition, batch.records(partition).get(0).offset());
        }
        try {
            stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }
}
