package io.clusteragent.fleet;

import io.clusteragent.config.FleetSettings;
import io.clusteragent.config.PublishSettings;
import io.clusteragent.publish.AgentServiceSink;
import io.clusteragent.publish.Backoff;
import io.clusteragent.publish.IncidentSink;
import io.clusteragent.publish.PublishStats;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Sends every anomaly of the anomalies topic to the Agent Service, through the agents' own incident delivery: the
 * on-disk spool, the HTTP client with its idempotency keys, retries without limit, backoff and {@code Retry-After}.
 * The topic is read with read_committed, by a consumer group of its own ({@link #groupId}), so the analyzer's
 * transactions decide what exists and Kafka keeps what is not yet spooled.
 */
public final class AgentServiceRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentServiceRelay.class);
    private static final int BATCH = 100;
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final IncidentSink sink;
    private final AnomalySpooler spooler;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AgentServiceRelay(Vertx vertx, IncidentSink sink, AnomalySpooler spooler) {
        this.vertx = vertx;
        this.sink = sink;
        this.spooler = spooler;
        this.thread = new Thread(spooler, "fleet-agent-service-relay");
    }

    /** The consumer group: the application id's, apart from the analyzer's own, so that the two keep their offsets. */
    public static String groupId(FleetSettings settings) {
        return settings.applicationId() + "-agent-service";
    }

    /**
     * Loads the spool a previous run left, starts delivering it, then starts reading the topic.
     *
     * @param onFailure called, from the relay's thread, if reading the topic fails for good: the caller stops the
     *                  process, so that it is restarted rather than left analyzing with nobody delivering
     *
     * @throws IllegalStateException when the spool directory cannot be used, naming it and why
     */
    public static AgentServiceRelay start(FleetSettings settings, PublishSettings agentService, Runnable onFailure) {
        Vertx vertx = Vertx.vertx();
        AgentServiceSink sink;
        try {
            sink = await(AgentServiceSink.start(vertx, agentService));
        } catch (RuntimeException failed) {
            await(vertx.close());
            throw failed;
        }
        // Never more in one batch than the spool holds, or a batch could evict the spooled anomalies before it.
        int batch = Math.min(BATCH, agentService.spoolMaxEntries());
        AnomalySpooler spooler = new AnomalySpooler(
                consumer(settings, batch),
                new JsonSerde<>(Anomaly.class).deserializer(),
                sink,
                anomaly -> AnomalySignals.outgoing(anomaly, settings.applicationId(), settings.environment()),
                agentService.spoolMaxEntries(),
                batch,
                new Backoff(
                        agentService.retryBase(),
                        agentService.retryCap(),
                        () -> ThreadLocalRandom.current().nextDouble()),
                onFailure);
        AgentServiceRelay relay = new AgentServiceRelay(vertx, sink, spooler);
        relay.thread.start();
        LOG.info(
                "relaying anomalies to the Agent Service {} {}",
                kv("topic", settings.anomaliesTopic()),
                kv("groupId", groupId(settings)));
        return relay;
    }

    public PublishStats stats() {
        return sink.stats();
    }

    /** Stops reading, then delivering; what is spooled is delivered by the next start. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            spooler.stop();
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            await(sink.close());
            await(vertx.close());
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(FleetSettings settings, int batch) {
        Map<String, Object> config = new java.util.HashMap<>(settings.kafka().clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(settings));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The first start of a group reads what the topic still holds, rather than lose what came before it joined.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batch);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(settings.anomaliesTopic()));
        return consumer;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }
}
