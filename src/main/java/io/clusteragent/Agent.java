package io.clusteragent;

import io.clusteragent.api.ApiVerticle;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.LiveCluster;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.config.AgentConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The running agent: a cluster state (a snapshot, or the live cluster) and the verticles that use
 * it. {@link #start} completes when the API serves; {@link #stop} undoes everything start did.
 */
public final class Agent {

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final Vertx vertx;
    private final AgentConfig config;
    private final Clock clock;
    private LiveCluster live;
    private ApiVerticle api;

    public Agent(Vertx vertx, AgentConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.clock = config.analysisTime().map(now -> Clock.fixed(now, ZoneOffset.UTC)).orElse(Clock.systemUTC());
    }

    public Future<Agent> start() {
        return clusterState()
                .compose(state -> {
                    api = new ApiVerticle(config, state, clock);
                    return vertx.deployVerticle(api);
                })
                .compose(deployed -> live == null ? Future.succeededFuture() : live.awaitSynced(config.informerSyncTimeout()))
                .map(this);
    }

    public Future<Void> stop() {
        if (live != null) {
            live.close();
        }
        return Future.succeededFuture();
    }

    public int port() {
        return api.port();
    }

    private Future<ClusterState> clusterState() {
        if (config.snapshot().isPresent()) {
            return vertx.executeBlocking(() -> new SnapshotLoader().load(config.snapshot().get(), clock.instant()));
        }
        LOG.info("watching the live cluster{}", config.kubeContext().map(c -> " (context " + c + ")").orElse(""));
        live = LiveCluster.connect(vertx, config, clock);
        return Future.succeededFuture(live.state());
    }
}
