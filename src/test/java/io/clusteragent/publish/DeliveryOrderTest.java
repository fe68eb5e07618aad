package io.clusteragent.publish;

import io.clusteragent.publish.Receiver.Reply;
import io.clusteragent.publish.Receiver.Request;
import io.clusteragent.testing.Polling;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DeliveryOrderTest {

    private static final List<String> FINGERPRINTS = List.of("a", "b", "c", "d", "e", "f");
    private static final int VERSIONS = 8;
    private static final int CONCURRENCY = 3;

    @Test
    void versionsOfOneFingerprintArriveInOrderWhileFingerprintsRunConcurrently(
            Vertx vertx, VertxTestContext test, @TempDir Path dir) {
        AtomicInteger requests = new AtomicInteger();
        // Answers take a random few milliseconds, and every fifth request fails, so deliveries overtake each other.
        Receiver receiver = new Receiver(vertx)
                .answering((request, attempt) -> vertx.timer(
                                ThreadLocalRandom.current().nextInt(1, 15))
                        .map(slept ->
                                requests.incrementAndGet() % 5 == 0 ? new Reply(503, "{}", Map.of()) : Reply.ok()));
        List<OutgoingIncident> incidents = new ArrayList<>();
        IntStream.rangeClosed(1, VERSIONS)
                .forEach(v -> FINGERPRINTS.forEach(fp -> incidents.add(Incidents.open(fp, v))));

        receiver.start()
                .compose(
                        started -> AgentServiceSink.start(vertx, Incidents.settings(receiver.port(), dir, CONCURRENCY)))
                .compose(sink -> Future.all(
                                incidents.stream().map(sink::publish).toList())
                        .compose(published -> Polling.until(
                                vertx,
                                "all delivered",
                                () -> sink.stats().delivered() == incidents.size(),
                                Duration.ofSeconds(20)))
                        .compose(delivered -> sink.close()))
                .onComplete(test.succeeding(closed -> test.verify(() -> {
                    for (String fingerprint : FINGERPRINTS) {
                        List<Integer> arrivals = receiver.requests().stream()
                                .filter(r -> r.fingerprint().equals(fingerprint))
                                .map(Request::version)
                                .toList();
                        assertThat(arrivals).as(fingerprint).isSorted();
                        assertThat(receiver.accepted().stream()
                                        .filter(r -> r.fingerprint().equals(fingerprint))
                                        .map(Request::version))
                                .as(fingerprint)
                                .containsExactlyElementsOf(IntStream.rangeClosed(1, VERSIONS)
                                        .boxed()
                                        .toList());
                    }
                    assertThat(receiver.maxInFlightPerFingerprint()).isEqualTo(1);
                    assertThat(receiver.maxInFlight()).isGreaterThan(1).isLessThanOrEqualTo(CONCURRENCY);
                    test.completeNow();
                })));
    }
}
