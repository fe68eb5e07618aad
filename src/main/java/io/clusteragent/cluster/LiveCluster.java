package io.clusteragent.cluster;

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

    private final Vertx vertx;
    private final KubernetesClient client;
    private final boolean ownsClient;
    private final InformerClusterState state;
    private final MetricsCache metrics;
    private final Duration metricsInterval;
    private long metricsTimer = -1;
    private volatile boolean closed;

    LiveCluster(Vertx vertx, KubernetesClient client, boolean ownsClient, Clock clock, Duration metricsInterval) {
        this.vertx = vertx;
        this.client = client;
        this.ownsClient = ownsClient;
        this.metrics = new MetricsCache(client, clock);
        this.state = new InformerClusterState(client, metrics);
        this.metricsInterval = metricsInterval;
    }

    /** Connects with in-cluster credentials, or KUBECONFIG / ~/.kube/config and the chosen context. */
    public static LiveCluster connect(Vertx vertx, AgentConfig config, Clock clock) {
        Config clientConfig = Config.autoConfigure(config.kubeContext().orElse(null));
        clientConfig.setRequestTimeout((int) config.k8sTimeout().toMillis());
        clientConfig.setConnectionTimeout((int) config.k8sTimeout().toMillis());
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(clientConfig)
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .build();
        return new LiveCluster(vertx, client, true, clock, config.metricsRefreshInterval());
    }

    /** Uses a client the caller owns and closes, e.g. one pointed at a test API server. */
    public static LiveCluster using(Vertx vertx, KubernetesClient client, Clock clock, Duration metricsInterval) {
        return new LiveCluster(vertx, client, false, clock, metricsInterval);
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
        Future<Void> synced = Future.fromCompletionStage(state.start(), vertx.getOrCreateContext());
        return synced.timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .recover(failure -> Future.failedFuture(new IllegalStateException(describe(failure, timeout), failure)))
                .onSuccess(done -> LOG.info("cluster cache synced: {}", state.syncStatus().keySet()));
    }

    private String describe(Throwable failure, Duration timeout) {
        String unsynced = String.join(", ", state.syncStatus().entrySet().stream()
                .filter(e -> !e.getValue()).map(java.util.Map.Entry::getKey).toList());
        if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
            return "the cluster cache did not sync within " + timeout + " (INFORMER_SYNC_TIMEOUT); not synced: " + unsynced;
        }
        return "cannot watch the cluster (check the API server address and the RBAC rules for: " + unsynced + "): " + failure.getMessage();
    }

    /**
     * Runs for the detector Lease in the agent's own namespace, as this pod (its hostname); the
     * callbacks run on {@code context}.
     */
    public Leadership elect(io.vertx.core.Context context, Runnable onStartLeading, Runnable onStopLeading) {
        return Leadership.elect(client, ownNamespace(), identity(), LEASE_DURATION, context, onStartLeading, onStopLeading);
    }

    /** Where the detector leaders keep the incident state, next to the Lease: the agent's own namespace. */
    public IncidentConfigMap incidentStore() {
        return new IncidentConfigMap(client, ownNamespace());
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
        vertx.executeBlocking(() -> {
            if (!closed) {
                metrics.refresh();
            }
            return null;
        }, true);
    }

    @Override
    public void close() {
        closed = true;
        metrics.stop();
        if (metricsTimer >= 0) {
            vertx.cancelTimer(metricsTimer);
        }
        state.close();
        if (ownsClient) {
            client.close();
        }
    }
}
