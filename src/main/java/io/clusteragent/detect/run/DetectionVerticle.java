package io.clusteragent.detect.run;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.DetectorSettings;
import io.clusteragent.detect.CgroupReadings;
import io.clusteragent.detect.CycleResult;
import io.clusteragent.detect.DetectionInput;
import io.clusteragent.detect.Detector;
import io.clusteragent.detect.Detectors;
import io.clusteragent.detect.FindingType;
import io.clusteragent.detect.IncidentStore;
import io.clusteragent.detect.IncidentTracker;
import io.clusteragent.detect.Notification;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Runs the detectors: every poll interval all of them (metrics are only read then), and every second
 * the ones whose conditions cannot wait for the next poll (a new OOM kill, a node going NotReady,
 * a crash loop) when the cache has changed since. Cycles run on a worker, one at a time: a slow
 * cycle is skipped over, never overlapped. A cycle ends once its notifications are spooled (the sink
 * never waits for the receiver) and the incident state says so ({@link IncidentLedger}).
 */
public final class DetectionVerticle extends AbstractVerticle {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionVerticle.class);
    static final Duration FAST_INTERVAL = Duration.ofSeconds(1);
    private static final Set<FindingType> URGENT =
            EnumSet.of(FindingType.OOM_KILLED, FindingType.NODE_NOT_READY, FindingType.CRASH_LOOP);

    private final ClusterState state;
    private final Clock clock;
    private final DetectorSettings settings;
    private final Duration pollInterval;
    private final IncidentLedger ledger;
    private final Function<Notification, Future<Void>> publisher;
    private final DeliverySettlements settlements;
    private Runnable stopSettlements = () -> {};
    private final DetectionMeters meters;
    private final Supplier<Optional<CgroupReadings>> cgroups;
    private List<Detector> all;
    private List<Detector> urgent;
    private boolean running;
    private boolean restored;
    private long lastFastVersion = -1;
    private long pollTimer = -1;
    private long fastTimer = -1;
    private long settlementTimer = -1;

    /** @param cgroups the latest reading of this node's cgroups, when the agent reads them (DaemonSet mode) */
    public DetectionVerticle(
            ClusterState state,
            Clock clock,
            DetectorSettings settings,
            Duration pollInterval,
            IncidentTracker tracker,
            IncidentStore store,
            Function<Notification, Future<Void>> publisher,
            DeliverySettlements settlements,
            DetectionMeters meters,
            Supplier<Optional<CgroupReadings>> cgroups) {
        this.state = state;
        this.clock = clock;
        this.settings = settings;
        this.pollInterval = pollInterval;
        this.ledger = new IncidentLedger(tracker, store);
        this.publisher = publisher;
        this.settlements = settlements;
        this.meters = meters;
        this.cgroups = cgroups;
    }

    @Override
    public void start(Promise<Void> started) {
        all = Detectors.all(settings);
        urgent = all.stream().filter(d -> URGENT.contains(d.type())).toList();
        lastFastVersion = state.version();
        // Start completes after a first full cycle, so what is wrong already is reported at once.
        // Each settlement waits in this context's ordered blocking queue, behind the first cycle's restore.
        stopSettlements = settlements.onSettled(key -> context.runOnContext(v -> settled(key)));
        runCycle(all).onComplete(first -> {
            pollTimer = vertx.setPeriodic(pollInterval.toMillis(), id -> runCycle(all));
            fastTimer = vertx.setPeriodic(FAST_INTERVAL.toMillis(), id -> {
                long version = state.version();
                if (version != lastFastVersion) {
                    lastFastVersion = version;
                    runCycle(urgent);
                }
            });
            LOG.info("detectors running every {} ({} detectors)", pollInterval, all.size());
            started.complete();
        });
    }

    @Override
    public void stop(Promise<Void> stopped) {
        stopSettlements.run();
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(fastTimer);
        vertx.cancelTimer(settlementTimer);
        // Before the Lease goes to the next leader, so it does not deliver again what was settled here.
        saveSettlements().onComplete(saved -> stopped.complete());
    }

    /**
     * A settled notification leaves the outbox at once; the state that says so is saved at most once
     * per {@link #FAST_INTERVAL}, not once per delivery, to spare the API server while a backlog drains.
     */
    private void settled(String key) {
        vertx.executeBlocking(
                () -> {
                    ledger.settled(key);
                    return null;
                },
                true);
        if (settlementTimer < 0) {
            settlementTimer = vertx.setTimer(FAST_INTERVAL.toMillis(), id -> {
                settlementTimer = -1;
                saveSettlements();
            });
        }
    }

    private Future<Void> saveSettlements() {
        return vertx.<Void>executeBlocking(
                        () -> {
                            ledger.saveSettlements();
                            return null;
                        },
                        true)
                .onFailure(failure -> LOG.warn(
                        "settled deliveries not saved yet; a new leader may deliver them again: {}",
                        failure.getMessage()));
    }

    /** Visible for tests. */
    List<Detector> detectors() {
        return all;
    }

    /** Visible for tests: one cycle of the given detectors, skipped when one is already running. */
    Future<List<Notification>> runCycle(List<Detector> detectors) {
        if (running) {
            meters.cycleSkipped();
            return Future.succeededFuture(List.of());
        }
        running = true;
        boolean allDetectors = detectors.size() == all.size();
        Instant now = clock.instant();
        long start = System.nanoTime();
        return vertx.executeBlocking(
                        () -> {
                            if (!restored) {
                                // Before the first decision, so that nothing announced before is announced again.
                                ledger.restore();
                                restored = true;
                            }
                            DetectionInput input = DetectionInput.of(state, now, settings, cgroups.get());
                            CycleResult result = Detectors.run(detectors, input);
                            result.failures()
                                    .forEach((type, failure) -> LOG.error(
                                            "detector {} failed; its incidents stay as they were",
                                            type.label(),
                                            failure));
                            meters.evaluated(input.pods().size(), input.nodes().size());
                            return ledger.record(result, now);
                        },
                        true)
                .recover(this::unsaved)
                .compose(this::publishAll)
                .onFailure(failure -> LOG.error("detection cycle failed", failure))
                .onComplete(done -> {
                    running = false;
                    meters.cycleDuration(allDetectors, Duration.ofNanos(System.nanoTime() - start));
                });
    }

    /** Hands each notification to the sink; those it took leave the outbox, the rest are offered again next cycle. */
    private Future<List<Notification>> publishAll(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        List<Future<Void>> handed = notifications.stream().map(publisher).toList();
        return backHere(Future.join(handed).otherwiseEmpty()).compose(all -> {
            List<Notification> queued = new ArrayList<>();
            for (int i = 0; i < notifications.size(); i++) {
                Notification n = notifications.get(i);
                if (handed.get(i).succeeded()) {
                    queued.add(n);
                    meters.notification(n);
                } else {
                    meters.notQueued("spool");
                    LOG.error(
                            "incident could not be queued for publishing, offered again next cycle {} {}: {}",
                            kv("fingerprint", n.fingerprint()),
                            kv("version", n.version()),
                            handed.get(i).cause().getMessage());
                }
            }
            return vertx.executeBlocking(
                    () -> {
                        ledger.confirm(queued);
                        return List.copyOf(queued);
                    },
                    true);
        });
    }

    /** The sink completes on its own context; the cycle's bookkeeping stays on this one. */
    private <T> Future<T> backHere(Future<T> future) {
        Promise<T> promise = Promise.promise();
        future.onComplete(result -> context.runOnContext(v -> promise.handle(result)));
        return promise.future();
    }

    private Future<List<Notification>> unsaved(Throwable failure) {
        if (failure instanceof IncidentLedger.UnsavedException unsaved) {
            unsaved.notifications().forEach(n -> meters.notQueued("state"));
            LOG.error(
                    "{}; {} notifications are decided again next cycle",
                    unsaved.getMessage(),
                    unsaved.notifications().size(),
                    kv(
                            "fingerprints",
                            unsaved.notifications().stream()
                                    .map(Notification::fingerprint)
                                    .toList()));
            return Future.succeededFuture(List.of());
        }
        return Future.failedFuture(failure);
    }
}
