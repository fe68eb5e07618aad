package io.clusteragent.forwarding;

import io.clusteragent.analysis.events.ObservedEvent;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.ForwardingSettings;
import io.clusteragent.eventrecord.EventRecord;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * The leader's half of forwarding: turns each Event observation into records for the spool, sends the
 * summaries and heartbeats, and keeps the checkpoint. On becoming leader it starts from the last
 * checkpoint and the cache (a standby's informers are warm), so that only what no leader forwarded is
 * sent; between leaderships it does nothing. Confined to the forwarding context.
 */
final class EventForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(EventForwarder.class);

    private final Vertx vertx;
    private final ClusterState state;
    private final ForwardingSettings settings;
    private final Supplier<EdgeFilter> filters;
    private final EventRecords records;
    private final KafkaDelivery delivery;
    private final CheckpointWriter checkpoints;
    private final ForwardingMeters meters;
    private final Clock clock;
    private EdgeFilter filter;
    private boolean leading;
    /** Moves on every change of leadership, so a lead that finishes after a follow does not start. */
    private long term;

    private long newestResourceVersion;
    private boolean unsaved;
    private long[] timers = new long[0];

    EventForwarder(
            Vertx vertx,
            ClusterState state,
            ForwardingSettings settings,
            Supplier<EdgeFilter> filters,
            EventRecords records,
            KafkaDelivery delivery,
            CheckpointWriter checkpoints,
            ForwardingMeters meters,
            Clock clock) {
        this.vertx = vertx;
        this.state = state;
        this.settings = settings;
        this.filters = filters;
        this.records = records;
        this.delivery = delivery;
        this.checkpoints = checkpoints;
        this.meters = meters;
        this.clock = clock;
    }

    /** Loads the checkpoint, then forwards what the cache holds beyond it, then every change as it comes. */
    Future<Void> lead() {
        if (leading) {
            return Future.succeededFuture();
        }
        long myTerm = ++term;
        return checkpoints
                .load()
                .recover(unreadable -> {
                    LOG.error(
                            "forwarding checkpoint unreadable, the cached events are forwarded whole {}: {}",
                            kv("checkpoint", checkpoints.describe()),
                            unreadable.toString());
                    return Future.succeededFuture(Checkpoint.EMPTY);
                })
                .map(checkpoint -> {
                    if (myTerm == term) {
                        start(checkpoint);
                    }
                    return null;
                });
    }

    private void start(Checkpoint checkpoint) {
        filter = filters.get();
        checkpoint.counts().forEach((uid, count) -> filter.forwardable().remember(uid, null, count));
        newestResourceVersion = checkpoint.resourceVersion();
        int replayed = 0;
        for (Event event : state.events()) {
            if (!filter.knows(event) && checkpoint.covers(EdgeFilter.resourceVersion(event))) {
                filter.baseline(event);
            } else if (observe(event)) {
                replayed++;
            }
        }
        leading = true;
        unsaved = true;
        checkpoints.leading(true);
        timers = new long[] {
            vertx.setPeriodic(settings.heartbeatInterval().toMillis(), id -> offer(records.heartbeat(clock.instant()))),
            vertx.setPeriodic(settings.summaryInterval().toMillis(), id -> sendSummaries()),
            vertx.setPeriodic(settings.checkpointInterval().toMillis(), id -> saveCheckpoint())
        };
        offer(records.heartbeat(clock.instant()));
        LOG.info(
                "forwarding events to kafka from this replica {} {} {}",
                kv("checkpoint", checkpoints.describe()),
                kv("checkpointEvents", checkpoint.counts().size()),
                kv("eventsForwardedFromCache", replayed));
    }

    /** Stops forwarding: sends what the rate limits held back and saves the checkpoint, for the next leader. */
    Future<Void> follow() {
        term++;
        if (!leading) {
            return Future.succeededFuture();
        }
        leading = false;
        for (long timer : timers) {
            vertx.cancelTimer(timer);
        }
        sendSummaries();
        checkpoints.leading(false);
        return checkpoint().recover(failed -> Future.succeededFuture());
    }

    void onUpsert(Event event) {
        if (leading) {
            observe(event);
        }
    }

    void onDelete(Event event) {
        if (leading) {
            filter.forget(event);
            unsaved = true;
        }
    }

    /** @return whether a record was spooled for it */
    private boolean observe(Event event) {
        EdgeFilter.Result result = filter.observe(event, System.nanoTime());
        newestResourceVersion = Math.max(newestResourceVersion, Checkpoint.number(EdgeFilter.resourceVersion(event)));
        Occurrence occurrence = result.occurrence();
        if (occurrence == null) {
            return false;
        }
        unsaved = true;
        meters.occurrences("received", occurrence.reason(), occurrence.category(), occurrence.occurrences());
        switch (result.outcome()) {
            case FILTERED ->
                meters.occurrences("filtered", occurrence.reason(), occurrence.category(), occurrence.occurrences());
            case SUPPRESSED ->
                meters.occurrences("suppressed", occurrence.reason(), occurrence.category(), occurrence.occurrences());
            case FORWARDED -> {
                meters.occurrences("forwarded", occurrence.reason(), occurrence.category(), occurrence.occurrences());
                offer(records.event(occurrence, image(event)));
                return true;
            }
            default -> {}
        }
        return false;
    }

    private void sendSummaries() {
        List<RateLimits.Summary> held =
                filter == null ? List.of() : filter.limits().drainHeld();
        held.forEach(summary -> {
            meters.summary();
            offer(records.summary(summary, clock.instant()));
        });
    }

    private void saveCheckpoint() {
        if (unsaved) {
            checkpoint();
        }
    }

    private Future<Void> checkpoint() {
        unsaved = false;
        return checkpoints
                .save(new Checkpoint(newestResourceVersion, filter.forwardable().counts()))
                .onFailure(failed -> unsaved = true);
    }

    private void offer(EventRecord record) {
        delivery.offer(record)
                .onFailure(failure -> LOG.error(
                        "event record lost: could not spool it {} {} {}",
                        kv("recordType", record.recordType()),
                        kv("eventUid", record.eventUid()),
                        kv("error", failure.getMessage())));
    }

    /** The image of the container the event is about, when the pod is cached; for fleet-wide image rules. */
    private String image(Event event) {
        ObservedEvent observed = ObservedEvent.of(event);
        String container = observed.involvedContainer();
        var involved = event.getInvolvedObject();
        if (container == null || involved == null || !"Pod".equals(involved.getKind())) {
            return null;
        }
        return state.pod(involved.getNamespace(), involved.getName())
                .map(Pod::getSpec)
                .flatMap(spec -> java.util.stream.Stream.of(spec.getContainers(), spec.getInitContainers())
                        .filter(java.util.Objects::nonNull)
                        .flatMap(List::stream)
                        .filter(c -> container.equals(c.getName()))
                        .map(Container::getImage)
                        .findFirst())
                .orElse(null);
    }
}
