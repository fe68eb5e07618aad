package io.clusteragent.forwarding;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.publish.Backoff;
import io.clusteragent.publish.Spool;
import io.clusteragent.publish.SpoolEntry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * From the spool to Kafka: one batch of the oldest records at a time, in spool order, each removed from
 * the spool once the brokers acknowledged it. While Kafka is away the records stay on disk and the
 * batch is retried with backoff; nothing waits on the broker but the producer's own thread. Runs on the
 * forwarder's context, which owns the spool.
 */
final class KafkaDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaDelivery.class);
    static final int BATCH = 500;
    /**
     * How far back a start looks for records a previous run wrote but still had spooled: a crashed agent is
     * usually restarted within minutes; one that stayed away longer may send its last batch twice.
     */
    static final Duration RESTART_READ_BACK = Duration.ofMinutes(15);

    private final Vertx vertx;
    private final Context context;
    private final Spool<EventRecord> spool;
    private final KafkaTransport transport;
    private final Backoff backoff;
    private final ForwardingMeters meters;
    private final Clock clock;
    private final AtomicLong delivered = new AtomicLong();
    private boolean sending;
    /**
     * Whether the oldest spooled records may already be on the topic: at start (a previous run may have crashed
     * between the broker's write and the spool's removal) and after a failed send, until a read-back settles it.
     */
    private boolean mayBeWritten;
    /** The earliest time such a write can have happened. */
    private Instant mayBeWrittenSince;

    private Instant sendStarted;
    private long retryTimer = -1;
    private int failedAttempts;
    private boolean closed;
    private Promise<Void> drained;

    KafkaDelivery(
            Vertx vertx,
            Context context,
            Spool<EventRecord> spool,
            KafkaTransport transport,
            Backoff backoff,
            ForwardingMeters meters,
            Clock clock) {
        this.vertx = vertx;
        this.context = context;
        this.spool = spool;
        this.transport = transport;
        this.backoff = backoff;
        this.meters = meters;
        this.clock = clock;
        this.mayBeWritten = spool.depth() > 0;
        this.mayBeWrittenSince = clock.instant().minus(RESTART_READ_BACK);
        Gauge.builder("cluster_agent_forwarding_spool_depth", spool, Spool::depth)
                .description("Event records on disk until Kafka acknowledges them")
                .register(meters.registry());
        FunctionCounter.builder("cluster_agent_forwarding_spool_dropped", spool, Spool::droppedCount)
                .description("Event records dropped unsent because the event spool was full")
                .register(meters.registry());
        FunctionCounter.builder("cluster_agent_forwarding_records_delivered", delivered, AtomicLong::get)
                .description("Event records Kafka acknowledged")
                .register(meters.registry());
    }

    /** Completes once the record is on disk; it is sent when its turn comes. */
    Future<Void> offer(EventRecord record) {
        return spool.add(record).onSuccess(spooled -> dispatch()).mapEmpty();
    }

    /** Completes once the spool is empty, or after {@code bound}, whichever comes first. */
    Future<Void> drain(Duration bound) {
        if (spool.depth() == 0) {
            return Future.succeededFuture();
        }
        drained = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, bound.toMillis()), fired -> drained.tryComplete());
        return drained.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    /** Stops sending; what is not acknowledged stays in the spool for the next start. */
    Future<Void> close(Duration timeout) {
        closed = true;
        if (retryTimer >= 0) {
            vertx.cancelTimer(retryTimer);
        }
        return Future.fromCompletionStage(transport.close(timeout), context).compose(producerClosed -> spool.close());
    }

    /** Completes once every spool write asked for so far is on disk (or failed and was logged). */
    Future<Void> settled() {
        return spool.settled();
    }

    long delivered() {
        return delivered.get();
    }

    void dispatch() {
        if (closed || sending || retryTimer >= 0) {
            return;
        }
        List<SpoolEntry<EventRecord>> batch = spool.claim(BATCH);
        if (batch.isEmpty()) {
            if (drained != null && spool.depth() == 0) {
                drained.tryComplete();
            }
            return;
        }
        sending = true;
        String key = batch.get(0).item().clusterId();
        List<byte[]> values =
                batch.stream().map(entry -> EventRecordJson.write(entry.item())).toList();
        if (!mayBeWritten) {
            send(key, batch, values);
            return;
        }
        Future.fromCompletionStage(transport.alreadyWritten(key, values, mayBeWrittenSince), context)
                .onSuccess(written -> sendUnwritten(key, batch, values, written))
                .onFailure(failure -> settle(
                        batch,
                        Collections.nCopies(
                                batch.size(),
                                failure instanceof CompletionException wrapped ? wrapped.getCause() : failure)));
    }

    /** Drops what an earlier attempt already wrote, then sends the rest. */
    private void sendUnwritten(
            String key, List<SpoolEntry<EventRecord>> batch, List<byte[]> values, boolean[] written) {
        mayBeWritten = false;
        List<SpoolEntry<EventRecord>> unsent = new ArrayList<>();
        List<byte[]> unsentValues = new ArrayList<>();
        int already = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (written[i]) {
                already++;
                delivered.incrementAndGet();
                spool.remove(batch.get(i));
            } else {
                unsent.add(batch.get(i));
                unsentValues.add(values.get(i));
            }
        }
        if (already > 0) {
            LOG.info(
                    "event records already on the topic from an earlier attempt, not sent again {} {}",
                    kv("records", already),
                    kv("remaining", unsent.size()));
        }
        if (unsent.isEmpty()) {
            settle(unsent, List.of());
            return;
        }
        send(key, unsent, unsentValues);
    }

    private void send(String key, List<SpoolEntry<EventRecord>> batch, List<byte[]> values) {
        sendStarted = clock.instant();
        Future.fromCompletionStage(transport.send(key, values), context).onSuccess(results -> settle(batch, results));
    }

    private void settle(List<SpoolEntry<EventRecord>> batch, List<Throwable> results) {
        sending = false;
        int retry = 0;
        Throwable lastFailure = null;
        for (int i = 0; i < batch.size(); i++) {
            Throwable failure = results.get(i);
            SpoolEntry<EventRecord> entry = batch.get(i);
            if (failure == null) {
                delivered.incrementAndGet();
                spool.remove(entry);
            } else if (failure instanceof RecordTooLargeException || failure instanceof SerializationException) {
                LOG.error(
                        "kafka refused an event record, dropped {} {} {}",
                        kv("recordType", entry.item().recordType()),
                        kv("eventUid", entry.item().eventUid()),
                        kv("error", failure.toString()));
                spool.remove(entry);
            } else {
                spool.release(entry);
                retry++;
                lastFailure = failure;
            }
        }
        int errors = (int) results.stream().filter(failure -> failure != null).count();
        meters.producerErrors(errors);
        if (closed) {
            return;
        }
        if (retry == 0) {
            failedAttempts = 0;
            dispatch();
            return;
        }
        // A send that failed may still have been written (a timeout after the broker took it, a producer replaced
        // before it learned): the next attempt looks first, at what was written since this one began.
        if (!mayBeWritten) {
            mayBeWritten = true;
            mayBeWrittenSince = sendStarted;
        }
        if (!(lastFailure instanceof RetriableException)) {
            transport.discardAfter(lastFailure);
        }
        failedAttempts++;
        Duration delay = backoff.delay(failedAttempts);
        LOG.warn(
                "kafka did not take event records, will retry {} {} {} {}",
                kv("records", retry),
                kv("attempt", failedAttempts),
                kv("retryInMs", delay.toMillis()),
                kv("error", String.valueOf(lastFailure)));
        retryTimer = vertx.setTimer(Math.max(1, delay.toMillis()), fired -> {
            retryTimer = -1;
            dispatch();
        });
    }
}
