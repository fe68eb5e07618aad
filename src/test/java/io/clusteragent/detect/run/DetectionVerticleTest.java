package io.clusteragent.detect.run;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.config.DetectorSettings;
import io.clusteragent.detect.IncidentState;
import io.clusteragent.detect.IncidentStore;
import io.clusteragent.detect.IncidentTracker;
import io.clusteragent.detect.Notification;
import io.clusteragent.testing.ClusterStates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class DetectionVerticleTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static ClusterState demo;

    @BeforeAll
    static void loadTheDemoCluster() {
        demo = new SnapshotLoader().load(Path.of("examples/demo-cluster.yaml"), NOW);
    }

    @Test
    void theDemoClustersTroubleIsFoundAndEachIncidentOpensOnce(Vertx vertx, VertxTestContext test) {
        List<Notification> published = new CopyOnWriteArrayList<>();
        DetectionVerticle verticle = verticle(n -> {
            published.add(n);
            return Future.succeededFuture();
        });
        vertx.deployVerticle(verticle)
                .compose(id -> verticle.runCycle(verticle.detectors()))
                .onComplete(test.succeeding(second -> test.verify(() -> {
                    assertThat(published)
                            .extracting(n -> n.finding().type().label() + " "
                                    + n.finding().resource())
                            .contains(
                                    "crash_loop pod/payments-28wlt5pw27-jn4tz",
                                    "image_pull_failure pod/catalog-hvfpbrjs2f-shlc4",
                                    "node_not_ready node/worker-3",
                                    "pod_pending pod/warehouse-loader-56mxwfxlqc-vsfsg");
                    assertThat(second)
                            .as("an unchanged cluster opens nothing new")
                            .isEmpty();
                    assertThat(published).extracting(Notification::fingerprint).doesNotHaveDuplicates();
                    test.completeNow();
                })));
    }

    @Test
    void whatTheSinkCouldNotTakeIsCountedAndOfferedAgainUnchangedNextCycle(Vertx vertx, VertxTestContext test) {
        AtomicBoolean diskFull = new AtomicBoolean(true);
        List<Notification> taken = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DetectionVerticle verticle = verticle(demo, new IncidentStore.InMemory(), registry, n -> {
            if (diskFull.get()) {
                return Future.failedFuture(new IOException("No space left on device"));
            }
            taken.add(n);
            return Future.succeededFuture();
        });
        vertx.deployVerticle(verticle)
                .compose(id -> {
                    test.verify(() -> assertThat(taken).isEmpty());
                    diskFull.set(false);
                    return verticle.runCycle(verticle.detectors());
                })
                .compose(second -> verticle.runCycle(verticle.detectors()).map(third -> List.of(second, third)))
                .onComplete(test.succeeding(cycles -> test.verify(() -> {
                    assertThat(cycles.get(0))
                            .as("the refused notifications, offered again")
                            .isNotEmpty()
                            .isEqualTo(taken);
                    assertThat(taken).extracting(Notification::version).containsOnly(1);
                    assertThat(taken).allSatisfy(n -> assertThat(n.detectedAt()).isEqualTo(NOW));
                    assertThat(cycles.get(1)).as("taken once, offered no more").isEmpty();
                    assertThat(registry.get("cluster_agent_incidents_not_queued")
                                    .tag("stage", "spool")
                                    .counter()
                                    .count())
                            .isEqualTo(taken.size());
                    test.completeNow();
                })));
    }

    @Test
    void aStateThatCannotBeSavedCountsNothingAndTheNextCycleDecidesAgain(Vertx vertx, VertxTestContext test) {
        AtomicBoolean readOnly = new AtomicBoolean(true);
        IncidentStore.InMemory memory = new IncidentStore.InMemory();
        IncidentStore store = new IncidentStore() {
            @Override
            public IncidentState load() {
                return memory.load();
            }

            @Override
            public void save(IncidentState state) throws IOException {
                if (readOnly.get()) {
                    throw new IOException("Read-only file system");
                }
                memory.save(state);
            }

            @Override
            public String describe() {
                return "a read-only volume";
            }
        };
        List<Notification> published = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DetectionVerticle verticle = verticle(demo, store, registry, n -> {
            published.add(n);
            return Future.succeededFuture();
        });
        vertx.deployVerticle(verticle)
                .compose(id -> {
                    test.verify(() -> assertThat(published)
                            .as("nothing counts before it is saved")
                            .isEmpty());
                    readOnly.set(false);
                    return verticle.runCycle(verticle.detectors());
                })
                .onComplete(test.succeeding(second -> test.verify(() -> {
                    assertThat(published)
                            .isNotEmpty()
                            .extracting(Notification::version)
                            .containsOnly(1);
                    assertThat(registry.get("cluster_agent_incidents_not_queued")
                                    .tag("stage", "state")
                                    .counter()
                                    .count())
                            .isEqualTo(published.size());
                    assertThat(memory.load().outbox())
                            .as("all taken by the sink")
                            .isEmpty();
                    assertThat(memory.load().incidents()).hasSize(published.size());
                    test.completeNow();
                })));
    }

    @Test
    void aNewVerticleOnTheSameStoreAnnouncesNothingAgain(Vertx vertx, VertxTestContext test) {
        IncidentStore store = new IncidentStore.InMemory();
        List<Notification> published = new CopyOnWriteArrayList<>();
        Function<Notification, Future<Void>> publisher = n -> {
            published.add(n);
            return Future.succeededFuture();
        };
        vertx.deployVerticle(verticle(demo, store, new SimpleMeterRegistry(), publisher))
                .compose(vertx::undeploy)
                .compose(stopped -> {
                    test.verify(() -> assertThat(published).isNotEmpty());
                    // A fresh tracker, as a restarted agent or the next leader has.
                    return vertx.deployVerticle(verticle(demo, store, new SimpleMeterRegistry(), publisher));
                })
                .onComplete(test.succeeding(id -> test.verify(() -> {
                    assertThat(published)
                            .extracting(Notification::idempotencyKey)
                            .doesNotHaveDuplicates();
                    test.completeNow();
                })));
    }

    @Test
    void aCycleIsSkippedWhileThePreviousOneRuns(Vertx vertx, VertxTestContext test) {
        // Every read of the pods takes a while, so the first cycle is surely still running when the second is asked
        // for.
        DetectionVerticle verticle = verticle(ClusterStates.slowPods(demo, 300), n -> Future.succeededFuture());
        vertx.deployVerticle(verticle)
                .onComplete(test.succeeding(id -> vertx.runOnContext(v -> test.verify(() -> {
                    Future<List<Notification>> first = verticle.runCycle(verticle.detectors());
                    Future<List<Notification>> overlapping = verticle.runCycle(verticle.detectors());
                    assertThat(first.isComplete()).isFalse();
                    assertThat(overlapping.isComplete())
                            .as("skipped at once, not queued")
                            .isTrue();
                    assertThat(overlapping.result()).isEmpty();
                    first.onComplete(test.succeedingThenComplete());
                }))));
    }

    private static DetectionVerticle verticle(Function<Notification, Future<Void>> publisher) {
        return verticle(demo, publisher);
    }

    private static DetectionVerticle verticle(ClusterState state, Function<Notification, Future<Void>> publisher) {
        return verticle(state, new IncidentStore.InMemory(), new SimpleMeterRegistry(), publisher);
    }

    private static DetectionVerticle verticle(
            ClusterState state,
            IncidentStore store,
            SimpleMeterRegistry registry,
            Function<Notification, Future<Void>> publisher) {
        return new DetectionVerticle(
                state,
                Clock.fixed(NOW, ZoneOffset.UTC),
                DetectorSettings.defaults(),
                Duration.ofHours(1),
                IncidentTracker.of("demo", DetectorSettings.defaults(), true),
                store,
                publisher,
                DeliverySettlements.NONE,
                new DetectionMeters(registry),
                Optional::empty);
    }
}
