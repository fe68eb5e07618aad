package io.clusteragent.publish;

import io.clusteragent.config.PublishSettings;
import io.clusteragent.publish.Receiver.Reply;
import io.clusteragent.testing.Polling;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.clusteragent.publish.Incidents.open;
import static io.clusteragent.publish.Incidents.resolved;
import static org.assertj.core.api.Assertions.assertThat;

/** A receiver that takes requests and never answers must not slow down whoever publishes. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class DeadReceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path spoolDir;

    private Receiver receiver;

    @BeforeEach
    void setUp(Vertx vertx) {
        receiver = new Receiver(vertx)
                .answering((request, attempt) -> Promise.<Reply>promise().future());
    }

    @Test
    void publishCompletesAtOnceWhileEarlierIncidentsHang(Vertx vertx, VertxTestContext test) {
        Checkpoint earlierHanging = test.checkpoint();
        Checkpoint laterPublishedQuickly = test.checkpoint();
        PublishSettings settings =
                Incidents.withTimeout(Incidents.settings(receiver.port(), spoolDir, 2), Duration.ofSeconds(60));

        receiver.start()
                .compose(up -> AgentServiceSink.start(vertx, settings))
                .compose(sink -> Future.all(sink.publish(open("a", 1)), sink.publish(open("b", 1)))
                        .compose(published -> Polling.until(
                                vertx, "both hanging", () -> receiver.requests().size() == 2, WAIT))
                        .onSuccess(hanging -> earlierHanging.flag())
                        .compose(hanging -> {
                            long start = System.nanoTime();
                            List<Future<Void>> later = IntStream.rangeClosed(1, 50)
                                    .mapToObj(v -> sink.publish(open("c" + v, 1)))
                                    .toList();
                            return Future.all(later).map(done -> Duration.ofNanos(System.nanoTime() - start));
                        })
                        .onComplete(test.succeeding(took -> test.verify(() -> {
                            assertThat(took).isLessThan(Duration.ofSeconds(3));
                            assertThat(sink.stats().delivered()).isZero();
                            assertThat(sink.stats().spoolDepth()).isEqualTo(52);
                            assertThat(sink.stats().queueDepth()).isEqualTo(50);
                            assertThat(receiver.requests()).hasSize(2);
                        })))
                        .compose(checked -> sink.close()))
                .onComplete(test.succeeding(closed -> laterPublishedQuickly.flag()));
    }

    @Test
    void fullSpoolBehindADeadReceiverDropsTheOldestResolvedFirstAndCountsIt(Vertx vertx, VertxTestContext test) {
        PublishSettings settings = Incidents.withSpoolMax(
                Incidents.withTimeout(Incidents.settings(receiver.port(), spoolDir, 1), Duration.ofSeconds(60)), 3);

        receiver.start()
                .compose(up -> AgentServiceSink.start(vertx, settings))
                .compose(sink -> sink.publish(open("a", 1))
                        .compose(x -> sink.publish(resolved("b", 1)))
                        .compose(x -> sink.publish(open("c", 1)))
                        .compose(x -> sink.publish(open("d", 1)))
                        .compose(x -> sink.publish(open("e", 1)))
                        .map(sink))
                .onComplete(test.succeeding(sink -> test.verify(() -> {
                    PublishStats stats = sink.stats();
                    assertThat(stats.dropped()).isEqualTo(2);
                    assertThat(stats.spoolDepth()).isEqualTo(3);
                    sink.close().onComplete(test.succeedingThenComplete());
                })));
    }
}
