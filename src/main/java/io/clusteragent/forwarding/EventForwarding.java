package io.clusteragent.forwarding;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.IncidentConfigMap;
import io.clusteragent.cluster.ObjectFeed;
import io.clusteragent.cluster.ObjectListener;
import io.clusteragent.cluster.WatchedResource;
import io.clusteragent.config.ForwardingSettings;
import io.clusteragent.publish.Backoff;
import io.clusteragent.publish.OnContext;
import io.clusteragent.publish.Spool;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Forwarding Event occurrences to Kafka (EVENT_FORWARDING=kafka): the Event feed, the spool and its
 * delivery, which run on every replica for the agent's life (a replica that stops leading still sends
 * what it spooled), and the forwarder, which runs on the leader only. Everything runs on one context
 * of its own; the informers' callbacks only hand the events over to it.
 */
public final class EventForwarding {

    private static final Logger LOG = LoggerFactory.getLogger(EventForwarding.class);
    static final String SPOOL_SUBDIRECTORY = "events";
    /** Events remembered with their counts (and in the checkpoint): a busy cluster's hour of Warnings. */
    static final int MAX_EVENTS = 20_000;

    private static final Duration RETRY_BASE = Duration.ofMillis(500);
    private static final Duration RETRY_CAP = Duration.ofSeconds(30);
    /** How long closing waits for the producer's requests in flight. */
    private static final Duration PRODUCER_CLOSE = Duration.ofSeconds(2);

    private static final Duration READ_BACK_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final Context context;
    private final ForwardingSettings settings;
    private final String clusterId;
    private final List<String> platformNamespaces;
    private final ForwardingMeters meters;
    private final Clock clock;
    private KafkaDelivery delivery;
    private EventForwarder forwarder;
    private Future<Void> closing;

    /** Made before the cluster source, which takes its {@link #feed()}; nothing is forwarded until {@link #open}. */
    public EventForwarding(
            Vertx vertx,
            ForwardingSettings settings,
            String clusterId,
            List<String> platformNamespaces,
            MeterRegistry registry,
            Clock clock) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.settings = settings;
        this.clusterId = clusterId;
        this.platformNamespaces = platformNamespaces;
        this.meters = new ForwardingMeters(registry);
        this.clock = clock;
    }

    /** The Events, as the informers see them, handed over to the forwarding context. */
    public ObjectFeed feed() {
        return new ObjectFeed(Set.of(WatchedResource.EVENTS), new ObjectListener() {
            @Override
            public void upsert(WatchedResource resource, HasMetadata object) {
                context.runOnContext(v -> {
                    if (forwarder != null) {
                        forwarder.onUpsert((Event) object);
                    }
                });
            }

            @Override
            public void delete(WatchedResource resource, HasMetadata object) {
                context.runOnContext(v -> {
                    if (forwarder != null) {
                        forwarder.onDelete((Event) object);
                    }
                });
            }
        });
    }

    /**
     * Loads what a previous run left in the spool and starts sending it; the forwarder waits for {@link #lead}.
     *
     * @param spoolDir SPOOL_DIR; the records are kept in its {@code events} subdirectory
     */
    public Future<Void> open(ClusterState state, IncidentConfigMap checkpoint, Path spoolDir) {
        return onContext(() -> Spool.open(
                        vertx,
                        spoolDir.resolve(SPOOL_SUBDIRECTORY),
                        settings.spoolMaxEntries(),
                        new EventRecordSpoolCodec(),
                        "event-forwarding-spool-io"))
                .compose(spool -> onContext(() -> {
                    Map<String, Object> producer = ProducerConfig.of(settings.kafka(), clusterId);
                    KafkaTransport transport = new KafkaTransport(
                            producer,
                            settings.kafka().topic(),
                            new WrittenRecords(
                                    settings.kafka().clientProperties(),
                                    settings.kafka().topic(),
                                    !producer.containsKey("partitioner.class"),
                                    READ_BACK_TIMEOUT));
                    Backoff backoff = new Backoff(
                            RETRY_BASE,
                            RETRY_CAP,
                            () -> ThreadLocalRandom.current().nextDouble());
                    // The producer stamps records with the system clock; the read-back looks for them by that time.
                    delivery = new KafkaDelivery(vertx, context, spool, transport, backoff, meters, Clock.systemUTC());
                    CheckpointWriter checkpoints = new CheckpointWriter(
                            vertx, CheckpointStore.in(checkpoint), delivery::settled, clock, meters.registry());
                    forwarder = new EventForwarder(
                            vertx, state, settings, filters(state), records(), delivery, checkpoints, meters, clock);
                    LOG.info(
                            "event forwarding ready {} {} {}",
                            kv("kafka", settings.kafka().toString()),
                            kv("spooled", spool.depth()),
                            kv("categoryRules", settings.categoryRules().toString()));
                    delivery.dispatch();
                    return Future.<Void>succeededFuture();
                }));
    }

    /** This replica leads: it forwards from the last checkpoint on. */
    public Future<Void> lead() {
        return onContext(() -> forwarder.lead());
    }

    /** Another replica leads, or this one stops: the checkpoint is saved for the next leader. */
    public Future<Void> follow() {
        return onContext(() -> forwarder == null ? Future.<Void>succeededFuture() : forwarder.follow());
    }

    /**
     * Stops forwarding, then sends what is spooled for up to {@code drain}, then closes the producer;
     * what is still spooled is sent by the next start.
     */
    public Future<Void> close(Duration drain) {
        return onContext(() -> {
            if (closing == null) {
                closing = follow().compose(followed -> delivery == null
                        ? Future.<Void>succeededFuture()
                        : delivery.drain(drain).compose(drained -> delivery.close(PRODUCER_CLOSE)));
            }
            return closing;
        });
    }

    private Supplier<EdgeFilter> filters(ClusterState state) {
        return () -> EdgeFilter.of(
                settings,
                platformNamespaces,
                namespace -> state.namespace(namespace)
                        .map(ns -> ns.getMetadata().getLabels())
                        .map(labels -> (Map<String, String>) labels)
                        .orElse(Map.of()),
                System.nanoTime());
    }

    private EventRecords records() {
        String version = EventForwarding.class.getPackage().getImplementationVersion();
        return new EventRecords(clusterId, version == null ? "dev" : version);
    }

    private <T> Future<T> onContext(Supplier<Future<T>> action) {
        return OnContext.call(context, action);
    }
}
