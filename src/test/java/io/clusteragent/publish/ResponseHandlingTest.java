package io.clusteragent.publish;

import io.clusteragent.config.PublishSettings;
import io.clusteragent.publish.Receiver.Reply;
import io.clusteragent.publish.Receiver.Request;
import io.clusteragent.testing.LogCapture;
import io.clusteragent.testing.Polling;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.clusteragent.publish.Incidents.open;
import static org.assertj.core.api.Assertions.assertThat;

/** How the sink reacts to each kind of answer, against a real HTTP receiver. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ResponseHandlingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path spoolDir;

    private Receiver receiver;
    private LogCapture deliveryLog;

    @BeforeEach
    void setUp(Vertx vertx) {
        receiver = new Receiver(vertx);
        deliveryLog = LogCapture.of(DeliveryLog.class);
    }

    @AfterEach
    void tearDown() {
        deliveryLog.close();
    }

    @Test
    void serverErrorIsRetriedAndDeliveredOnce(Vertx vertx, VertxTestContext test) {
        receiver.answering((request, attempt) ->
                Future.succeededFuture(attempt == 1 ? new Reply(500, "{}", Map.of()) : Reply.ok()));

        runUntilDrained(vertx, 1, 1, open("crash_loop/shop/pod/web", 1))
                .onComplete(test.succeeding(sink -> test.verify(() -> {
                    assertThat(receiver.count("crash_loop/shop/pod/web:1")).isEqualTo(2);
                    assertThat(receiver.acceptedCount("crash_loop/shop/pod/web:1"))
                            .isEqualTo(1);
                    assertThat(sink.stats()).isEqualTo(new PublishStats(1, 1, 0, 0, 0, 0));
                    sink.close().onComplete(test.succeedingThenComplete());
                })));
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSays(Vertx vertx, VertxTestContext test) {
        receiver.answering((request, attempt) ->
                Future.succeededFuture(attempt == 1 ? new Reply(429, "{}", Map.of("Retry-After", "1")) : Reply.ok()));

        runUntilDrained(vertx, 1, 1, open("f", 1))
                .onComplete(test.succeeding(sink -> test.verify(() -> {
                    List<Request> requests = receiver.requests();
                    assertThat(requests).hasSize(2);
                    // Without Retry-After the backoff (10 ms base, 100 ms cap) would have retried at once.
                    assertThat(requests.get(1).receivedAtMillis()
                                    - requests.get(0).receivedAtMillis())
                            .isGreaterThanOrEqualTo(950);
                    assertThat(sink.stats().delivered()).isEqualTo(1);
                    sink.close().onComplete(test.succeedingThenComplete());
                })));
    }

    @Test
    void badRequestIsDroppedWithItsBodyLoggedAndNeverRetried(Vertx vertx, VertxTestContext test) {
        String refusal = "{\"detail\":[{\"loc\":[\"body\",\"severity\"],\"msg\":\"field required\"}]}";
        receiver.answering((request, attempt) ->
                Future.succeededFuture(request.version() == 1 ? new Reply(422, refusal, Map.of()) : Reply.ok()));

        // Version 2 waits for version 1 to be settled, so a retry of version 1 would arrive before it.
        runUntilDrained(vertx, 1, 2, open("f", 1), open("f", 2))
                .onComplete(test.succeeding(sink -> test.verify(() -> {
                    assertThat(receiver.requests())
                            .extracting(Request::idempotencyKey)
                            .containsExactly("f:1", "f:2");
                    assertThat(sink.stats()).isEqualTo(new PublishStats(1, 0, 1, 0, 0, 0));
                    assertThat(deliveryLog.lines())
                            .anySatisfy(line -> assertThat(line)
                                    .startsWith("WARN agent service refused incident")
                                    .contains("httpStatus=422", "fingerprint=f", "version=1", refusal));
                    sink.close().onComplete(test.succeedingThenComplete());
                })));
    }

    @Test
    void requestWithoutAnswerIsRetriedAfterTheEventTimeout(Vertx vertx, VertxTestContext test) {
        receiver.answering((request, attempt) ->
                attempt == 1 ? Promise.<Reply>promise().future() : Future.succeededFuture(Reply.ok()));
        PublishSettings settings =
                Incidents.withTimeout(Incidents.settings(receiver.port(), spoolDir, 1), Duration.ofMillis(300));

        receiver.start()
                .compose(started -> AgentServiceSink.start(vertx, settings))
                .compose(sink -> sink.publish(open("f", 1))
                        .compose(published -> Polling.until(
                                vertx, "delivered", () -> sink.stats().delivered() == 1, WAIT))
                        .map(sink))
                .onComplete(test.succeeding(sink -> test.verify(() -> {
                    assertThat(receiver.count("f:1")).isEqualTo(2);
                    assertThat(sink.stats().retried()).isEqualTo(1);
                    sink.close().onComplete(test.succeedingThenComplete());
                })));
    }

    @Test
    void eachIdempotencyKeyArrivesOncePerVersionWithAPayloadTheServiceAccepts(Vertx vertx, VertxTestContext test) {
        List<OutgoingIncident> incidents = new ArrayList<>();
        for (String fingerprint : List.of("cpu_spike/shop/pod/a", "oom_killed/shop/pod/b", "node_not_ready/node/c")) {
            for (int version = 1; version <= 3; version++) {
                incidents.add(open(fingerprint, version));
            }
        }

        runUntilDrained(vertx, 4, incidents.size(), incidents.toArray(OutgoingIncident[]::new))
                .onComplete(test.succeeding(sink -> test.verify(() -> {
                    for (OutgoingIncident incident : incidents) {
                        assertThat(receiver.count(incident.idempotencyKey()))
                                .as(incident.idempotencyKey())
                                .isEqualTo(1);
                    }
                    for (Request request : receiver.requests()) {
                        assertThat(request.contentType()).isEqualTo("application/json");
                        assertThat(ContractSchema.violations(
                                        request.body().toBuffer().getBytes()))
                                .isEmpty();
                    }
                    assertThat(deliveryLog.lines())
                            .filteredOn(line -> line.startsWith("INFO agent response"))
                            .hasSize(incidents.size())
                            .allSatisfy(line -> assertThat(line)
                                    .contains("decision=require_human_approval", "agentMessage=Event received"));
                    sink.close().onComplete(test.succeedingThenComplete());
                })));
    }

    /** Starts the receiver and a sink, publishes, and waits until {@code settled} incidents are delivered or dropped. */
    private Future<AgentServiceSink> runUntilDrained(
            Vertx vertx, int concurrency, int settled, OutgoingIncident... incidents) {
        return receiver.start()
                .compose(started ->
                        AgentServiceSink.start(vertx, Incidents.settings(receiver.port(), spoolDir, concurrency)))
                .compose(sink -> Future.all(
                                List.of(incidents).stream().map(sink::publish).toList())
                        .compose(published -> Polling.until(
                                vertx,
                                "every incident settled",
                                () -> sink.stats().delivered() + sink.stats().rejected() == settled
                                        && sink.stats().spoolDepth() == 0,
                                WAIT))
                        .map(sink));
    }
}
