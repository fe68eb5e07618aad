package io.clusteragent.forwarding;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Kafka producer, on a thread of its own: creating it, {@code send} (which waits for metadata when
 * the brokers are away) and {@code close} all block, and none of that may reach an event loop. A producer
 * that failed for good (not a retriable error) is closed and made anew for the next batch.
 */
final class KafkaTransport {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTransport.class);

    private final Map<String, Object> config;
    private final String topic;
    private final WrittenRecords written;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread named = new Thread(runnable, "event-forwarding-kafka");
        named.setDaemon(true);
        return named;
    });
    private KafkaProducer<String, byte[]> producer;

    KafkaTransport(Map<String, Object> config, String topic, WrittenRecords written) {
        this.config = Map.copyOf(config);
        this.topic = topic;
        this.written = written;
    }

    /**
     * Which of {@code values} the topic already holds under {@code key} since {@code since}; fails when the
     * topic cannot be read back.
     */
    CompletableFuture<boolean[]> alreadyWritten(String key, List<byte[]> values, Instant since) {
        return CompletableFuture.supplyAsync(() -> written.among(key, values, since), thread);
    }

    /**
     * Sends the values in order under one key. Completes, once the broker answered for each (or the
     * producer gave up on it), with each one's failure, null where it was written; never fails itself.
     */
    CompletableFuture<List<Throwable>> send(String key, List<byte[]> values) {
        CompletableFuture<List<Throwable>> done = new CompletableFuture<>();
        thread.execute(() -> sendOnThread(key, values, done));
        return done;
    }

    private void sendOnThread(String key, List<byte[]> values, CompletableFuture<List<Throwable>> done) {
        Throwable[] results = new Throwable[values.size()];
        AtomicInteger pending = new AtomicInteger(values.size());
        Runnable oneAnswered = () -> {
            if (pending.decrementAndGet() == 0) {
                done.complete(Arrays.asList(results));
            }
        };
        for (int i = 0; i < values.size(); i++) {
            int index = i;
            try {
                producer().send(new ProducerRecord<>(topic, key, values.get(i)), (metadata, failure) -> {
                    results[index] = failure;
                    oneAnswered.run();
                });
            } catch (RuntimeException failure) {
                // The records after a send that threw were not sent either: each gets the same answer.
                for (int j = i; j < values.size(); j++) {
                    results[j] = failure;
                    oneAnswered.run();
                }
                if (!(failure instanceof RetriableException)) {
                    discardProducer(failure);
                }
                return;
            }
        }
    }

    /** A producer in a state it cannot leave (fenced, closed, misconfigured) is replaced before the next batch. */
    void discardAfter(Throwable failure) {
        thread.execute(() -> discardProducer(failure));
    }

    private void discardProducer(Throwable failure) {
        if (producer != null) {
            LOG.warn("kafka producer failed, it is made anew for the next batch: {}", failure.toString());
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Waits up to {@code timeout} for what was sent, then stops the thread. */
    CompletableFuture<Void> close(Duration timeout) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                if (producer != null) {
                    producer.close(timeout);
                }
            } catch (RuntimeException e) {
                LOG.warn("kafka producer did not close cleanly: {}", e.toString());
            } finally {
                closed.complete(null);
            }
        });
        thread.shutdown();
        return closed.orTimeout(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)
                .exceptionally(slow -> null);
    }
}
