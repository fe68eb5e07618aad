package io.clusteragent.publish;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static net.logstash.logback.argument.StructuredArguments.kv;

/** Without an Agent Service, each incident becomes one structured log line. */
public final class ConsoleSink implements IncidentSink {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSink.class);

    private final AtomicLong written = new AtomicLong();
    private final Settlements settlements = new Settlements();

    @Override
    public Future<Void> publish(OutgoingIncident incident) {
        IncidentSignal signal = incident.signal();
        LOG.info(
                "incident {} {} {} {} {} {} {}: {}",
                kv("status", signal.metadata().getOrDefault("status", "open")),
                kv("type", signal.type()),
                kv("severity", signal.severity()),
                kv("namespace", signal.namespace()),
                kv("resource", signal.resource()),
                kv("fingerprint", incident.fingerprint()),
                kv("version", incident.version()),
                signal.message(),
                kv("category", signal.metadata().get("category")),
                kv("id", signal.id().toString()));
        written.incrementAndGet();
        settlements.settled(incident.idempotencyKey());
        return Future.succeededFuture();
    }

    /** A line in the log is as delivered as this sink gets. */
    @Override
    public Runnable onSettled(Consumer<String> listener) {
        return settlements.add(listener);
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    @Override
    public PublishStats stats() {
        return new PublishStats(written.get(), 0, 0, 0, 0, 0);
    }
}
