package io.clusteragent.publish;

import io.clusteragent.config.PublishSettings;
import io.clusteragent.publish.Receiver.Reply;
import io.clusteragent.publish.Receiver.Request;
import io.clusteragent.testing.Polling;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever happens to the receiver or to the agent, every spooled incident ends up delivered. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class OutageRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path spoolDir;

    private Receiver receiver;
    private List<OutgoingIncident> incidents;

    @BeforeEach
    void setUp(Vertx vertx) {
        receiver = new Receiver(vertx);
        incidents = new ArrayList<>();
        IntStream.rangeClosed(1, 5)
                .forEach(v -> List.of("a", "b", "c", "d").forEach(fp -> incidents.add(Incidents.open(fp, v))));
    }

    @Test
    void receiverDownAtStartThenUpGetsEveryIncident(Vertx vertx, VertxTestContext test) {
        Checkpoint allPublishedWhileDown = test.checkpoint();
        Checkpoint everyIncidentDelivered = test.checkpoint();
        AgentServiceSink.start(vertx, Incidents.settings(receiver.port(), spoolDir, 4))
                .compose(sink -> publishAll(sink)
                        .onSuccess(published -> test.verify(() -> {
                            assertThat(receiver.requests()).isEmpty();
                            allPublishedWhileDown.flag();
                        }))
                        .compose(published -> Polling.until(
                                vertx, "retrying", () -> sink.stats().retried() >= 4, WAIT))
                        .compose(retrying -> receiver.start())
                        .compose(up -> Polling.until(
                                vertx, "all delivered", () -> sink.stats().delivered() == incidents.size(), WAIT))
                        .compose(delivered -> sink.close()))
                .onComplete(test.succeeding(closed -> test.verify(() -> {
                    assertEachAcceptedInOrder(0);
                    everyIncidentDelivered.flag();
                })));
    }

    @Test
    void receiverRestartedMidRunLosesNothing(Vertx vertx, VertxTestContext test) {
        receiver.answering((request, attempt) -> vertx.timer(5).map(Reply.ok()));
        receiver.start()
                .compose(up -> AgentServiceSink.start(vertx, Incidents.settings(receiver.port(), spoolDir, 2)))
                .compose(sink -> publishAll(sink)
                        .compose(published -> Polling.until(
                                vertx,
                                "a few delivered",
                                () -> receiver.accepted().size() >= 5,
                                WAIT))
                        .compose(some -> receiver.stop())
                        .compose(down -> Polling.pause(vertx, Duration.ofMillis(300)))
                        .compose(paused -> receiver.start())
                        .compose(up -> Polling.until(
                                vertx, "all delivered", () -> sink.stats().delivered() == incidents.size(), WAIT))
                        .compose(delivered -> sink.close()))
                .onComplete(test.succeeding(closed -> test.verify(() -> {
                    for (OutgoingIncident incident : incidents) {
                        assertThat(receiver.acceptedCount(incident.idempotencyKey()))
                                .as(incident.idempotencyKey())
                                .isGreaterThanOrEqualTo(1);
                    }
                    test.completeNow();
                })));
    }

    @Test
    void agentRestartedOnTheSameSpoolDeliversTheRest(Vertx vertx, VertxTestContext test) {
        AtomicInteger answered = new AtomicInteger();
        // The service accepts four incidents, then fails until the agent has been restarted.
        receiver.answering((request, attempt) -> Future.succeededFuture(
                answered.incrementAndGet() <= 4
                        ? Reply.ok()
                        : new Reply(503, "{\"detail\":\"overloaded\"}", Map.of())));
        PublishSettings settings = Incidents.settings(receiver.port(), spoolDir, 1);

        receiver.start()
                .compose(up -> AgentServiceSink.start(vertx, settings))
                .compose(first -> publishAll(first)
                        .compose(published -> Polling.until(
                                vertx, "four delivered", () -> first.stats().delivered() == 4, WAIT))
                        .compose(four -> first.close()))
                .compose(stopped -> {
                    test.verify(() -> assertThat(spooledFiles()).hasSize(incidents.size() - 4));
                    receiver.answering((request, attempt) -> Future.succeededFuture(Reply.ok()));
                    return AgentServiceSink.start(vertx, settings);
                })
                .compose(second -> Polling.until(
                                vertx,
                                "the rest delivered",
                                () -> second.stats().delivered() == incidents.size() - 4,
                                WAIT)
                        .compose(delivered -> second.close()))
                .onComplete(test.succeeding(closed -> test.verify(() -> {
                    // The one request in flight when the first sink stopped may have reached the service too:
                    // it is sent again after the restart, under the same key, so the service can tell.
                    assertEachAcceptedInOrder(1);
                    assertThat(spooledFiles()).isEmpty();
                    test.completeNow();
                })));
    }

    private Future<Void> publishAll(IncidentSink sink) {
        return Future.all(incidents.stream().map(sink::publish).toList()).mapEmpty();
    }

    /** Every incident accepted, versions of a fingerprint in order, and no more than {@code duplicates} accepted twice. */
    private void assertEachAcceptedInOrder(int duplicates) {
        for (OutgoingIncident incident : incidents) {
            assertThat(receiver.acceptedCount(incident.idempotencyKey()))
                    .as(incident.idempotencyKey())
                    .isBetween(1L, 2L);
        }
        assertThat(receiver.accepted()).hasSizeLessThanOrEqualTo(incidents.size() + duplicates);
        for (String fingerprint : List.of("a", "b", "c", "d")) {
            List<Integer> versions = receiver.accepted().stream()
                    .filter(r -> r.fingerprint().equals(fingerprint))
                    .map(Request::version)
                    .toList();
            assertThat(versions).as(fingerprint).isSorted();
            assertThat(versions.stream().distinct()).as(fingerprint).containsExactly(1, 2, 3, 4, 5);
        }
    }

    private List<Path> spooledFiles() {
        try (Stream<Path> files = Files.list(spoolDir)) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
