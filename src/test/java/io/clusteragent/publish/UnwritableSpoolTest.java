package io.clusteragent.publish;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.config.DetectorSettings;
import io.clusteragent.detect.IncidentStore;
import io.clusteragent.detect.IncidentTracker;
import io.clusteragent.detect.run.DetectionMeters;
import io.clusteragent.detect.run.DetectionVerticle;
import io.clusteragent.testing.AgentProcess;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spool that cannot be written would lose every incident, so the sink refuses to start and says why.
 * The tests run as root, which ignores permission bits: these are places where writing fails for root too.
 */
@ExtendWith(VertxExtension.class)
class UnwritableSpoolTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aRegularFileWhereTheDirectoryShouldBeStopsTheStart(Vertx vertx, VertxTestContext test) throws IOException {
        Path file = Files.writeString(tmp.resolve("spool"), "not a directory");
        assertRefused(
                vertx,
                test,
                file,
                "SPOOL_DIR " + file + " cannot hold the spool: " + file + " exists and is not a directory");
    }

    @Test
    void aDirectoryUnderARegularFileStopsTheStart(Vertx vertx, VertxTestContext test) throws IOException {
        Path file = Files.writeString(tmp.resolve("volume"), "not a directory");
        assertRefused(vertx, test, file.resolve("spool"), "Not a directory");
    }

    @Test
    void anExistingDirectoryThatRefusesNewFilesStopsTheStart(Vertx vertx, VertxTestContext test) {
        // procfs exists and lists, but no one can create a file in it.
        assertRefused(vertx, test, Path.of("/proc"), "SPOOL_DIR /proc cannot hold the spool: /proc/write-probe.tmp");
    }

    @Test
    void theAgentExitsNamingTheDirectoryAndTheCauseInsteadOfServing() throws Exception {
        Path output = tmp.resolve("agent.log");
        List<String> args = new ArrayList<>(AgentProcess.DEMO);
        args.addAll(List.of("--spool-dir", "/proc", "--event-sink-url", "http://127.0.0.1:9/events"));
        Process agent = AgentProcess.start(args, output);

        assertThat(agent.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(agent.exitValue()).isEqualTo(1);
        assertThat(Files.readString(output))
                .contains("start-up failed: SPOOL_DIR /proc cannot hold the spool: /proc/write-probe.tmp");
    }

    @Test
    void aSpoolThatFailsAtRunTimeCountsEveryIncidentAndDeliversEachOnceItRecovers(Vertx vertx) throws Exception {
        Receiver receiver = new Receiver(vertx);
        await(receiver.start());
        Path dir = tmp.resolve("spool");
        AgentServiceSink sink = await(AgentServiceSink.start(vertx, Incidents.settings(receiver.port(), dir, 4)));
        // The volume goes away under the running agent: every write now fails, for root too.
        Files.delete(dir);
        Files.writeString(dir, "not a directory");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DetectionMeters meters = new DetectionMeters(registry);
        ClusterState demo = new SnapshotLoader().load(Path.of("examples/demo-cluster.yaml"), NOW);
        IncidentSignals.Reporter reporter = new IncidentSignals.Reporter("cluster-agent", "demo", "test");
        await(vertx.deployVerticle(new DetectionVerticle(
                demo,
                Clock.fixed(NOW, ZoneOffset.UTC),
                DetectorSettings.defaults(),
                Duration.ofMillis(200),
                IncidentTracker.of("demo", DetectorSettings.defaults(), true),
                new IncidentStore.InMemory(),
                n -> sink.publish(IncidentSignals.outgoing(n, reporter)),
                sink::onSettled,
                meters,
                Optional::empty)));

        Counter notSpooled = registry.get("cluster_agent_incidents_not_queued")
                .tag("stage", "spool")
                .counter();
        assertWithin(
                Duration.ofSeconds(20), () -> assertThat(notSpooled.count()).isGreaterThanOrEqualTo(36));
        assertThat(receiver.requests()).isEmpty();

        Files.delete(dir);
        Files.createDirectory(dir);
        double failures = notSpooled.count();
        assertWithin(Duration.ofSeconds(20), () -> {
            assertThat(receiver.accepted()).hasSizeGreaterThanOrEqualTo(18);
            assertThat(sink.stats().spoolDepth()).isZero();
        });
        assertThat(receiver.requests())
                .extracting(Receiver.Request::idempotencyKey)
                .doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).endsWith(":1"));
        assertThat(notSpooled.count())
                .as("counting stopped once the spool took them")
                .isEqualTo(failures);
        await(sink.close());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static void assertRefused(Vertx vertx, VertxTestContext test, Path spoolDir, String message) {
        AgentServiceSink.start(vertx, Incidents.settings(1, spoolDir, 1))
                .onComplete(test.failing(failure -> test.verify(() -> {
                    assertThat(failure).hasMessageContaining(message);
                    test.completeNow();
                })));
    }
}
