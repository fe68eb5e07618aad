package io.clusteragent;

import io.clusteragent.api.ApiVerticle;
import io.clusteragent.api.ResponseCache;
import io.clusteragent.api.SharedEdge;
import io.clusteragent.auth.AccessControl;
import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.Leadership;
import io.clusteragent.cluster.LiveCluster;
import io.clusteragent.cluster.ObjectFeed;
import io.clusteragent.cluster.ShardAssignment;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.detect.IncidentStore;
import io.clusteragent.detect.IncidentTracker;
import io.clusteragent.detect.run.ConfigMapIncidentStore;
import io.clusteragent.detect.run.DetectionDeployment;
import io.clusteragent.detect.run.DetectionMeters;
import io.clusteragent.detect.run.DetectionVerticle;
import io.clusteragent.forwarding.EventForwarding;
import io.clusteragent.health.Draining;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.clusteragent.publish.IncidentSignals;
import io.clusteragent.publish.IncidentSink;
import io.clusteragent.publish.IncidentStateFile;
import io.clusteragent.publish.PublishMeters;
import io.clusteragent.publish.Sinks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The running agent: a cluster state (a snapshot, or the live cluster) and the verticles that use
 * it. {@link #start} completes when the API serves; {@link #stop} undoes everything start did.
 */
public final class Agent {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final int API_INSTANCES = Runtime.getRuntime().availableProcessors();

    private final Vertx vertx;
    private final AgentConfig config;
    private final Clock clock;
    private final Draining draining = new Draining();
    private ClusterState state;
    private LiveCluster live;
    private ApiVerticle api;
    private String apiDeployment;
    private IncidentSink sink;
    private DetectionDeployment detection;
    private Leadership leadership;
    private Optional<KubeStateMetrics> kubeState = Optional.empty();
    private Optional<EventForwarding> forwarding = Optional.empty();
    private CadvisorMetrics cadvisor;

    public Agent(Vertx vertx, AgentConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.clock = config.analysisTime()
                .map(now -> Clock.fixed(now, ZoneOffset.UTC))
                .orElse(Clock.systemUTC());
    }

    public Future<Agent> start() {
        return clusterState()
                .compose(state -> {
                    this.state = state;
                    cadvisor = CadvisorMetrics.create(config.cadvisor(), state, clock);
                    // One HTTP verticle per event loop, as Vert.x intends: they share the port and one answer cache.
                    ResponseCache cache = new ResponseCache(config.responseCacheBytes());
                    AccessControl access = AccessControl.of(
                            vertx,
                            config.auth(),
                            config.auth().enabled() ? live.accessReviews() : null,
                            HttpServerOptions.DEFAULT_HOST);
                    SharedEdge edge = SharedEdge.create(vertx, config);
                    return vertx.deployVerticle(
                                    () -> {
                                        ApiVerticle instance = new ApiVerticle(
                                                config, state, clock, cache, draining, kubeState, access, cadvisor,
                                                edge);
                                        if (api == null) {
                                            api = instance;
                                        }
                                        return instance;
                                    },
                                    new DeploymentOptions().setInstances(API_INSTANCES))
                            .onSuccess(id -> apiDeployment = id);
                })
                .compose(deployed ->
                        live == null ? Future.succeededFuture() : live.awaitSynced(config.informerSyncTimeout()))
                // The first reading finds the node's pods in a synced cache; until then the page is empty.
                .compose(synced -> cadvisor.start(vertx, meterRegistry()))
                .compose(synced -> startDetection())
                .map(this);
    }

    /**
     * Stops in the order that loses no request and no incident: readiness fails at once while the API
     * keeps answering for the drain period (endpoints and load balancers take a few seconds to stop
     * sending), then the requests in flight finish and the port closes, then the detectors stop, the
     * Lease is given up for another replica, the spool is closed and the watches end.
     */
    public Future<Void> stop() {
        draining.begin();
        LOG.info("draining: /readyz answers 503 and the API keeps answering for {}", config.drainPeriod());
        return vertx.timer(config.drainPeriod().toMillis())
                .compose(drained ->
                        apiDeployment == null ? Future.<Void>succeededFuture() : vertx.undeploy(apiDeployment))
                .compose(closed -> {
                    if (cadvisor != null) {
                        cadvisor.stop(vertx);
                    }
                    return detection == null ? Future.<Void>succeededFuture() : detection.stop();
                })
                .compose(detectorsStopped -> forwarding
                        .map(forwarder ->
                                forwarder.close(config.shutdownTimeout().dividedBy(3)))
                        .orElse(Future.succeededFuture()))
                .compose(forwardingStopped -> {
                    if (leadership != null) {
                        leadership.close();
                    }
                    return sink == null ? Future.<Void>succeededFuture() : sink.close();
                })
                .onComplete(spoolClosed -> {
                    if (live != null) {
                        live.close();
                    }
                });
    }

    /** Detectors run on one replica: the Lease holder when leader election is on, this one otherwise. */
    private Future<Void> startDetection() {
        MeterRegistry registry = meterRegistry();
        DetectionMeters meters = new DetectionMeters(registry);
        IncidentTracker tracker =
                IncidentTracker.of(config.clusterName(), config.detection(), config.publishResolved());
        IncidentSignals.Reporter reporter =
                new IncidentSignals.Reporter(config.serviceName(), config.clusterName(), config.environment());
        boolean elected = config.leaderElection() && live != null;
        IncidentStore store = incidentStore(elected);
        return Sinks.create(vertx, config.publishing()).compose(created -> {
            sink = created;
            PublishMeters.register(registry, sink);
            detection = new DetectionDeployment(
                    vertx,
                    () -> new DetectionVerticle(
                            state,
                            clock,
                            config.detection(),
                            config.pollInterval(),
                            tracker,
                            store,
                            notification -> sink.publish(IncidentSignals.outgoing(notification, reporter)),
                            sink::onSettled,
                            meters,
                            cadvisor::readings),
                    meters);
            return openForwarding().compose(opened -> {
                if (elected) {
                    leadership = live.elect(
                            vertx.getOrCreateContext(),
                            () -> {
                                detection.start();
                                forwarding.ifPresent(EventForwarding::lead);
                            },
                            () -> {
                                detection.stop();
                                forwarding.ifPresent(EventForwarding::follow);
                            });
                    return Future.succeededFuture();
                }
                return detection
                        .start()
                        .compose(
                                started -> forwarding.map(EventForwarding::lead).orElse(Future.succeededFuture()));
            });
        });
    }

    /** The event spool, loaded and sending, before leadership decides who forwards. */
    private Future<Void> openForwarding() {
        return forwarding
                .map(forwarder -> forwarder.open(
                        live.state(),
                        live.forwardingCheckpoint(),
                        config.publishing().spoolDir()))
                .orElse(Future.succeededFuture());
    }

    /**
     * Where the incident state outlives this process: with the Lease's next holder when replicas take
     * turns, else next to the spool it describes; the console sink has no spool, and its state lasts
     * as long as the process.
     */
    private IncidentStore incidentStore(boolean elected) {
        if (elected) {
            return new ConfigMapIncidentStore(live.incidentStore());
        }
        if (config.publishing().url().isPresent()) {
            return new IncidentStateFile(config.publishing().spoolDir());
        }
        return new IncidentStore.InMemory();
    }

    private static MeterRegistry meterRegistry() {
        MeterRegistry registry = BackendRegistries.getDefaultNow();
        return registry != null ? registry : new SimpleMeterRegistry();
    }

    public int port() {
        return api.port();
    }

    private Future<ClusterState> clusterState() {
        KubeStateReplica replica = new KubeStateReplica(config.kubeState(), config.kubeStateResources());
        ObjectFeed kubeStateFeed = replica.feed();
        ObjectFeed feed = kubeStateFeed;
        if (config.forwarding().enabled()) {
            EventForwarding created = new EventForwarding(
                    vertx,
                    config.forwarding(),
                    config.clusterName(),
                    config.detection().platformNamespaces(),
                    meterRegistry(),
                    Clock.systemUTC());
            forwarding = Optional.of(created);
            feed = feed.and(created.feed());
        }
        if (config.snapshot().isPresent()) {
            kubeState = replica.assign(replica.configuredShard(), meterRegistry());
            return vertx.executeBlocking(() ->
                    new SnapshotLoader(kubeStateFeed).load(config.snapshot().get(), clock.instant()));
        }
        LOG.info(
                "watching the live cluster{}",
                config.kubeContext().map(c -> " (context " + c + ")").orElse(""));
        live = LiveCluster.connect(vertx, config, clock, feed);
        // The informers start only once the API serves (awaitSynced), so every object finds the families made here;
        // making them loads and builds every family, which stays off the event loop the shard is read back on.
        return shard(replica)
                .compose(shard -> vertx.executeBlocking(() -> {
                    kubeState = replica.assign(shard, meterRegistry());
                    return live.state();
                }));
    }

    /**
     * SHARD of TOTAL_SHARDS; or, with SHARD_FROM_STATEFULSET, this pod's ordinal and its StatefulSet's
     * replicas, read once as kube-state-metrics' automatic sharding does (only when there are families to shard).
     */
    private Future<ShardAssignment> shard(KubeStateReplica replica) {
        if (!config.shardFromStatefulSet() || config.kubeStateResources().isEmpty()) {
            return Future.succeededFuture(replica.configuredShard());
        }
        return live.shardFromStatefulSet()
                .onSuccess(shard -> LOG.info(
                        "kube-state shard {} of {}, from this pod's StatefulSet", shard.shard(), shard.total()));
    }
}
