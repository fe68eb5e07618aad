package io.clusteragent.cluster;

import io.clusteragent.auth.AccessReviews;
import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The connection to a real API server: a fabric8 client on the agent's own {@link Vertx}, the
 * informers behind {@link InformerClusterState}, and the metrics poller.
 */
public final class LiveCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveCluster.class);
    private static final Duration LEASE_DURATION = Duration.ofSeconds(15);
    private static final Duration WATCH_RECONNECT_INTERVAL = Duration.ofMillis(200);
    /** How often the watches are checked when nothing reads readiness, so an outage is timed and logged all the same. */
    private static final Duration WATCH_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final KubernetesClient client;
    private final boolean ownsClient;
    private final InformerClusterState state;
    private final MetricsCache metrics;
    private final Duration metricsInterval;
    private long metricsTimer = -1;
    private long watchCheckTimer = -1;
    private volatile boolean closed;

    LiveCluster(
            Vertx vertx,
            KubernetesClient client,
            boolean ownsClient,
            Clock clock,
            Duration metricsInterval,
            WatchConnections connections,
            Duration watchGrace,
            ObjectFeed feed,
            WatchScope scope) {
        this.vertx = vertx;
        this.client = client;
        this.ownsClient = ownsClient;
        this.metrics = new MetricsCache(client, clock);
        this.state = new InformerClusterState(client, metrics, connections, watchGrace, feed, scope);
        this.metricsInterval = metricsInterval;
    }

    /** Connects with in-cluster credentials, or KUBECONFIG / ~/.kube/config and the chosen context. */
    public static LiveCluster connect(Vertx vertx, AgentConfig config, Clock clock) {
        return connect(vertx, config, clock, ObjectFeed.NONE);
    }

    /**
     * As {@link #connect(Vertx, AgentConfig, Clock)}, and tells {@code feed}'s listener of every object
     * of the resources it covers, watching those the API does not read only for it.
     */
    public static LiveCluster connect(Vertx vertx, AgentConfig config, Clock clock, ObjectFeed feed) {
        Config clientConfig = Config.autoConfigure(config.kubeContext().orElse(null));
        // The configuration keeps durations within int milliseconds.
        clientConfig.setRequestTimeout((int) config.k8sTimeout().toMillis());
        clientConfig.setConnectionTimeout((int) config.k8sTimeout().toMillis());
        return connect(
                vertx,
                clientConfig,
                clock,
                config.metricsRefreshInterval(),
                config.watchGracePeriod(),
                feed,
                WatchScope.of(config.watchedNode()));
    }

    /** Connects to the API server {@code clientConfig} names, with the agent's own client and watch settings. */
    static LiveCluster connect(
            Vertx vertx, Config clientConfig, Clock clock, Duration metricsInterval, Duration watchGrace) {
        return connect(vertx, clientConfig, clock, metricsInterval, watchGrace, ObjectFeed.NONE, WatchScope.CLUSTER);
    }

    /** As the above, with {@code feed}'s listener told of every object it covers. */
    static LiveCluster connect(
            Vertx vertx,
            Config clientConfig,
            Clock clock,
            Duration metricsInterval,
            Duration watchGrace,
            ObjectFeed feed,
            WatchScope scope) {
        // fabric8 waits this long before re-establishing an ended watch, doubling the wait after each failed
        // attempt up to 32 times this; its default of a second delays every change made around a routine watch end.
        clientConfig.setWatchReconnectInterval((int) WATCH_RECONNECT_INTERVAL.toMillis());
        // Watch with streaming GETs, as kubectl and client-go do, rather than fabric8's default WebSockets.
        // fabric8 falls back to a streaming GET only when the upgrade is answered 200 or 503: a proxy without
        // WebSocket support that answers 400 fails the informer, and one that passes the watch through as a
        // streaming 200 is read by Vert.x to its end (minutes) before the fallback. WatchConnections makes a
        // streaming watch count as up from its response head rather than from its first event.
        clientConfig.setOnlyHttpWatches(true);
        WatchConnections connections = new WatchConnections();
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(clientConfig)
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .withHttpClientBuilderConsumer(
                        builder -> builder.addOrReplaceInterceptor(WatchConnections.NAME, connections)
                                .addOrReplaceInterceptor(MetadataOnlyRequests.NAME, new MetadataOnlyRequests()))
                .build();
        return new LiveCluster(vertx, client, true, clock, metricsInterval, connections, watchGrace, feed, scope);
    }

    /**
     * Uses a client the caller owns and closes, e.g. one pointed at a test API server. Built without
     * the agent's interceptors, its plain-HTTP watches count as up only once their first byte arrives,
     * and it asks for whole Secrets, whose values the cache then drops.
     */
    public static LiveCluster using(Vertx vertx, KubernetesClient client, Clock clock, Duration metricsInterval) {
        return using(vertx, client, clock, metricsInterval, ObjectFeed.NONE);
    }

    /** As {@link #using(Vertx, KubernetesClient, Clock, Duration)}, telling {@code feed}'s listener of every object it covers. */
    public static LiveCluster using(
            Vertx vertx, KubernetesClient client, Clock clock, Duration metricsInterval, ObjectFeed feed) {
        return using(vertx, client, clock, metricsInterval, feed, WatchScope.CLUSTER);
    }

    /** As the above, watching only what {@code scope} covers. */
    public static LiveCluster using(
            Vertx vertx,
            KubernetesClient client,
            Clock clock,
            Duration metricsInterval,
            ObjectFeed feed,
            WatchScope scope) {
        return new LiveCluster(
                vertx,
                client,
                false,
                clock,
                metricsInterval,
                new WatchConnections(),
                AgentConfig.defaults().watchGracePeriod(),
                feed,
                scope);
    }

    public ClusterState state() {
        return state;
    }

    /**
     * Starts the informers and the metrics poller. Fails when a resource cannot be listed (say, a
     * missing RBAC rule) or has not synced within {@code timeout}, naming what is missing.
     */
    public Future<Void> awaitSynced(Duration timeout) {
        startMetricsPolling();
        watchCheckTimer = vertx.setPeriodic(WATCH_CHECK_INTERVAL.toMillis(), id -> state.synced());
        Future<Void> synced = Future.fromCompletionStage(state.start(), vertx.getOrCreateContext());
        return synced.timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .recover(failure -> Future.failedFuture(new IllegalStateException(describe(failure, timeout), failure)))
                .onSuccess(done ->
                        LOG.info("cluster cache synced: {}", state.syncStatus().keySet()));
    }

    private String describe(Throwable failure, Duration timeout) {
        String unsynced = String.join(
                ", ",
                state.syncStatus().entrySet().stream()
                        .filter(e -> !e.getValue())
                        .map(java.util.Map.Entry::getKey)
                        .toList());
        if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
            return "the cluster cache did not sync within " + timeout + " (INFORMER_SYNC_TIMEOUT); not synced: "
                    + unsynced;
        }
        return "cannot watch the cluster (check the API server address and the RBAC rules for: " + unsynced + "): "
                + failure.getMessage();
    }

    /**
     * Runs for the detector Lease in the agent's own namespace, as this pod (its hostname); the
     * callbacks run on {@code context}.
     */
    public Leadership elect(io.vertx.core.Context context, Runnable onStartLeading, Runnable onStopLeading) {
        return Leadership.elect(
                client, ownNamespace(), identity(), LEASE_DURATION, context, onStartLeading, onStopLeading);
    }

    /** The API server's TokenReview and SubjectAccessReview, for AUTH_MODE=kubernetes. */
    public AccessReviews accessReviews() {
        return KubernetesAccessReviews.create(vertx, client);
    }

    /** Where the detector leaders keep the incident state, next to the Lease: the agent's own namespace. */
    public IncidentConfigMap incidentStore() {
        return new IncidentConfigMap(client, ownNamespace());
    }

    /** Where the event forwarding leaders keep their checkpoint, next to the Lease. */
    public IncidentConfigMap forwardingCheckpoint() {
        return new IncidentConfigMap(
                client,
                ownNamespace(),
                IncidentConfigMap.FORWARDING_NAME,
                IncidentConfigMap.FORWARDING_KEY,
                "event-forwarding-checkpoint");
    }

    /**
     * kube-state-metrics' automatic sharding: this pod's ordinal in the StatefulSet that owns it, and
     * the StatefulSet's replicas, read once. The pod is the agent's hostname, its namespace the
     * service account's. Fails, naming what is missing, when the agent is not a StatefulSet's pod.
     */
    public Future<ShardAssignment> shardFromStatefulSet() {
        return vertx.executeBlocking(() -> StatefulSetShard.read(client, ownNamespace(), identity()));
    }

    private String ownNamespace() {
        return client.getNamespace() == null ? "default" : client.getNamespace();
    }

    private static String identity() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "cluster-agent-" + java.util.UUID.randomUUID();
        }
    }

    private void startMetricsPolling() {
        refreshMetrics();
        metricsTimer = vertx.setPeriodic(metricsInterval.toMillis(), id -> refreshMetrics());
    }

    private void refreshMetrics() {
        // The fabric8 metrics calls block: keep them on a worker, and let only one run at a time.
        vertx.executeBlocking(
                () -> {
                    if (!closed) {
                        metrics.refresh();
                    }
                    return null;
                },
                true);
    }

    @Override
    public void close() {
        closed = true;
        metrics.stop();
        if (metricsTimer >= 0) {
            vertx.cancelTimer(metricsTimer);
        }
        if (watchCheckTimer >= 0) {
            vertx.cancelTimer(watchCheckTimer);
        }
        state.close();
        if (ownsClient) {
            client.close();
        }
    }
}
