package io.clusteragent.fleet;

import io.clusteragent.cluster.LiveCluster;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.forwarding.EventForwarding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An agent's event forwarding as {@code EVENT_FORWARDING=kafka} runs it: the agent's settings, informers, edge filter,
 * rate limits, spool, checkpoint and producer, watching the API server a test's client points at, one replica that
 * leads. The client is the test's (fabric8's mock server answers the agent's own streaming watches with 400; it
 * watches over WebSockets), built on this agent's Vert.x as the agent builds its own.
 */
final class ForwardingAgent implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Vertx vertx;
    private final KubernetesClient client;
    private final LiveCluster live;
    private final EventForwarding forwarding;

    private ForwardingAgent(Vertx vertx, KubernetesClient client, LiveCluster live, EventForwarding forwarding) {
        this.vertx = vertx;
        this.client = client;
        this.live = live;
        this.forwarding = forwarding;
    }

    /** Synced and leading: the events the API server holds are on their way to Kafka. */
    static ForwardingAgent start(KubernetesClient apiServer, String clusterName, String bootstrapServers, Path spoolDir)
            throws Exception {
        AgentConfig config = AgentConfig.fromMap(
                Map.of(
                        "EVENT_FORWARDING",
                        "kafka",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        bootstrapServers,
                        "CLUSTER_NAME",
                        clusterName,
                        "EVENT_CHECKPOINT_INTERVAL",
                        "200ms"),
                List.of());
        Vertx vertx = Vertx.vertx();
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(apiServer.getConfiguration())
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .build();
        EventForwarding forwarding = new EventForwarding(
                vertx,
                config.forwarding(),
                config.clusterName(),
                config.detection().platformNamespaces(),
                new SimpleMeterRegistry(),
                Clock.systemUTC());
        LiveCluster live = LiveCluster.using(vertx, client, Clock.systemUTC(), Duration.ofHours(1), forwarding.feed());
        ForwardingAgent agent = new ForwardingAgent(vertx, client, live, forwarding);
        try {
            await(live.awaitSynced(WAIT));
            await(forwarding.open(live.state(), live.forwardingCheckpoint(), spoolDir));
            await(forwarding.lead());
        } catch (Exception failed) {
            agent.close();
            throw failed;
        }
        return agent;
    }

    /** Stops as the agent does: forwarding drains and saves its checkpoint, then the watches end. */
    @Override
    public void close() throws Exception {
        try {
            await(forwarding.close(Duration.ofSeconds(2)));
        } finally {
            live.close();
            client.close();
            await(vertx.close());
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
