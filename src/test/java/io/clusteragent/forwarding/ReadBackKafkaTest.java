package io.clusteragent.forwarding;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.eventrecord.InvolvedObject;
import io.clusteragent.publish.Backoff;
import io.clusteragent.publish.Spool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash after the broker wrote a batch but before the agent removed it from its spool: the next start finds
 * those records on the topic and sends only the rest, so each record is on the topic once. Against a real
 * in-process broker; the crashed run's write is made by a producer of its own, as the crashed agent's was.
 */
class ReadBackKafkaTest {

    private static final String CLUSTER = "prod-eu-1";
    private static KafkaBroker broker;

    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path spoolDir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void recordsTheCrashedRunGotWrittenAreNotSentAgain() throws Exception {
        List<EventRecord> records =
                IntStream.rangeClosed(1, 10).mapToObj(ReadBackKafkaTest::record).toList();
        Spool<EventRecord> left = open();
        for (EventRecord record : records) {
            await(left.add(record));
        }
        await(left.close());
        writtenBeforeTheCrash(records.subList(0, 6));

        Context context = vertx.getOrCreateContext();
        Spool<EventRecord> spool = open();
        KafkaDelivery delivery = onContext(context, () -> {
            KafkaDelivery started = delivery(context, spool);
            started.dispatch();
            return started;
        });
        assertWithin(Duration.ofSeconds(30), () -> assertThat(spool.depth()).isZero());

        try (KafkaBroker.Reader reader = broker.reader()) {
            assertWithin(
                    Duration.ofSeconds(30), () -> assertThat(reader.events()).hasSizeGreaterThanOrEqualTo(10));
            assertThat(reader.events()).as("each record once, in order").containsExactlyElementsOf(records);
        }
        assertThat(delivery.delivered()).isEqualTo(10);
        await(onContext(context, () -> delivery.close(Duration.ofSeconds(2))));
    }

    private KafkaDelivery delivery(Context context, Spool<EventRecord> spool) {
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        Map<String, Object> producer =
                Map.of("bootstrap.servers", broker.bootstrapServers(), "enable.idempotence", "true", "acks", "all");
        return new KafkaDelivery(
                vertx,
                context,
                spool,
                new KafkaTransport(
                        producer,
                        KafkaBroker.TOPIC,
                        new WrittenRecords(client, KafkaBroker.TOPIC, true, Duration.ofSeconds(20))),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5),
                new ForwardingMeters(new SimpleMeterRegistry()),
                Clock.systemUTC());
    }

    private static void writtenBeforeTheCrash(List<EventRecord> records) throws Exception {
        try (KafkaProducer<String, byte[]> crashed = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (EventRecord record : records) {
                crashed.send(new ProducerRecord<>(KafkaBroker.TOPIC, CLUSTER, EventRecordJson.write(record)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    private Spool<EventRecord> open() {
        return await(Spool.open(vertx, spoolDir, 1_000, new EventRecordSpoolCodec(), "read-back-test-spool"));
    }

    private static EventRecord record(int count) {
        Instant last = Instant.now().minusSeconds(60 - count);
        return new EventRecord(
                EventRecord.SCHEMA_VERSION,
                io.clusteragent.eventrecord.RecordType.event,
                CLUSTER,
                "test",
                last,
                io.clusteragent.detect.Category.Customer,
                "Warning",
                "BackOff",
                "Back-off restarting failed container",
                new InvolvedObject("Pod", "shop", "cart-7d9f", "uid-cart"),
                "event-uid-1",
                count,
                1,
                Instant.now().minusSeconds(120),
                last,
                "registry.example/cart:1.4");
    }

    private static <T> T onContext(Context context, java.util.concurrent.Callable<T> action) throws Exception {
        java.util.concurrent.CompletableFuture<T> done = new java.util.concurrent.CompletableFuture<>();
        context.runOnContext(ignored -> {
            try {
                done.complete(action.call());
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
