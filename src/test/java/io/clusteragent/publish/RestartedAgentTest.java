package io.clusteragent.publish;

import io.clusteragent.Agent;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.publish.Receiver.Reply;
import io.clusteragent.publish.Receiver.Request;
import io.clusteragent.testing.AgentProcess;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo cluster's incidents reach a real receiver once each, whether the agent is stopped and
 * started again or killed mid-delivery: no incident announced twice, no key sent with other content.
 */
class RestartedAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path spool;

    @TempDir
    Path logs;

    private final Vertx receiverVertx = Vertx.vertx();
    private Receiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver(receiverVertx);
        await(receiver.start());
    }

    @AfterEach
    void stopReceiver() throws Exception {
        await(receiverVertx.close());
    }

    @Test
    void aCleanRestartAnnouncesNothingAgain() throws Exception {
        int announced = runAgentUntilDelivered().size();
        assertThat(announced).as("the demo cluster's incidents").isGreaterThanOrEqualTo(18);

        runAgentUntilDelivered();

        assertThat(receiver.requests()).hasSize(announced);
        assertEachIncidentAnnouncedOnce(announced);
    }

    @Test
    void aKilledAgentDeliversTheRestAfterItsRestartAndAnnouncesNothingTwice() throws Exception {
        // Five answers, then the receiver holds every request, so the agent dies with some in flight and some spooled.
        List<Promise<Reply>> held = new ArrayList<>();
        receiver.answering((request, attempt) -> {
            synchronized (held) {
                if (receiver.accepted().size() + held.size() < 5) {
                    return Future.succeededFuture(Reply.ok());
                }
                Promise<Reply> later = Promise.promise();
                held.add(later);
                return later.future();
            }
        });
        Process first = agentProcess("first");
        assertWithin(WAIT, () -> assertThat(receiver.requests()).hasSizeGreaterThanOrEqualTo(6));
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        receiver.answering((request, attempt) -> Future.succeededFuture(Reply.ok()));
        assertThat(spooledFiles()).as("undelivered incidents wait in the spool").isNotEmpty();

        Process second = agentProcess("second");
        try {
            assertWithin(WAIT, () -> assertThat(log("second")).contains("detectors running"));
            assertWithin(WAIT, () -> assertThat(spooledFiles()).isEmpty());
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }

        assertEachIncidentAnnouncedOnce(distinctKeys());
        assertThat(distinctKeys()).isGreaterThanOrEqualTo(18);
    }

    /** One Agent as Main runs it, stopped and its Vert.x closed once the spool is empty; returns every request so far. */
    private List<Request> runAgentUntilDelivered() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            AgentConfig config = AgentConfig.fromMap(
                    Map.of(
                            "SPOOL_DIR",
                            spool.toString(),
                            "EVENT_SINK_URL",
                            "http://127.0.0.1:" + receiver.port() + "/events"),
                    AgentProcess.DEMO);
            Agent agent = await(new Agent(vertx, config).start());
            assertWithin(WAIT, () -> assertThat(spooledFiles()).isEmpty());
            await(agent.stop());
        } finally {
            await(vertx.close());
        }
        return receiver.requests();
    }

    private Process agentProcess(String name) throws IOException {
        List<String> args = new ArrayList<>(AgentProcess.DEMO);
        args.addAll(List.of(
                "--spool-dir",
                spool.toString(),
                "--event-sink-url",
                "http://127.0.0.1:" + receiver.port() + "/events"));
        return AgentProcess.start(args, logs.resolve(name + ".log"));
    }

    private String log(String name) {
        try {
            return Files.readString(logs.resolve(name + ".log"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Each fingerprint under one key, each key with one payload, however often it was sent. */
    private void assertEachIncidentAnnouncedOnce(int incidents) {
        Map<String, List<Request>> byFingerprint =
                receiver.requests().stream().collect(Collectors.groupingBy(Request::fingerprint));
        assertThat(byFingerprint).hasSize(incidents);
        byFingerprint.forEach((fingerprint, requests) -> {
            assertThat(requests)
                    .extracting(Request::idempotencyKey)
                    .as(fingerprint)
                    .containsOnly(fingerprint + ":1");
            List<JsonObject> bodies =
                    requests.stream().map(Request::body).distinct().toList();
            assertThat(bodies).as("payloads sent under " + fingerprint + ":1").hasSize(1);
        });
        assertThat(receiver.accepted().stream().map(Request::idempotencyKey).distinct())
                .hasSize(incidents);
    }

    private int distinctKeys() {
        return (int) receiver.requests().stream()
                .map(Request::idempotencyKey)
                .distinct()
                .count();
    }

    private List<Path> spooledFiles() {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        CompletableFuture<T> done = future.toCompletionStage().toCompletableFuture();
        return done.get(60, TimeUnit.SECONDS);
    }
}
