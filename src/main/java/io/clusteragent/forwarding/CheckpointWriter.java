package io.clusteragent.forwarding;

import io.clusteragent.cluster.IncidentConfigMap;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.function.Supplier;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Loads and saves the checkpoint on a worker, one save at a time, and only once every record it
 * accounts for is on disk in the spool: a checkpoint never claims more than a restart would send.
 */
final class CheckpointWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

    private final CheckpointStore store;
    private final WorkerExecutor worker;
    private final Supplier<Future<Void>> spoolSettled;
    private final Clock clock;
    /** Of the last save that succeeded; 0 before the first. */
    private volatile long savedAtMillis;

    private volatile long leadingSinceMillis;
    private Future<Void> saving = Future.succeededFuture();

    CheckpointWriter(
            Vertx vertx,
            CheckpointStore store,
            Supplier<Future<Void>> spoolSettled,
            Clock clock,
            MeterRegistry registry) {
        this.store = store;
        this.worker = vertx.createSharedWorkerExecutor("event-forwarding-checkpoint", 1);
        this.spoolSettled = spoolSettled;
        this.clock = clock;
        Gauge.builder("cluster_agent_forwarding_checkpoint_age_seconds", this, CheckpointWriter::ageSeconds)
                .description(
                        "Seconds since the leader last saved what it forwarded; NaN on a replica that does not lead")
                .register(registry);
    }

    Future<Checkpoint> load() {
        return worker.executeBlocking(store::load, true);
    }

    /** Saves after the spool writes asked for so far; a save already running is waited for first. */
    Future<Void> save(Checkpoint checkpoint) {
        saving = saving.transform(previous -> spoolSettled.get())
                .compose(durable -> worker.<Void>executeBlocking(
                        () -> {
                            store.save(checkpoint);
                            return null;
                        },
                        true))
                .onSuccess(saved -> savedAtMillis = clock.millis())
                .recover(failure -> {
                    if (failure instanceof IncidentConfigMap.ConflictException) {
                        LOG.warn(
                                "another leader saved the forwarding checkpoint first; its checkpoint counts {}",
                                kv("checkpoint", store.describe()));
                    } else {
                        LOG.warn(
                                "could not save the forwarding checkpoint, will try again {}: {}",
                                kv("checkpoint", store.describe()),
                                failure.toString());
                    }
                    return Future.failedFuture(failure);
                });
        return saving;
    }

    void leading(boolean leading) {
        leadingSinceMillis = leading ? clock.millis() : 0;
    }

    String describe() {
        return store.describe();
    }

    private double ageSeconds() {
        long since = leadingSinceMillis;
        if (since == 0) {
            return Double.NaN;
        }
        return (clock.millis() - Math.max(since, savedAtMillis)) / 1000.0;
    }
}
