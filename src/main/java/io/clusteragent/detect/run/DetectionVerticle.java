package io.clusteragent.detect.run;

import io.clusteragent.detect.CycleResult;
import io.clusteragent.detect.DetectionInput;
import io.clusteragent.detect.Detector;
import io.clusteragent.config.DetectorSettings;
import io.clusteragent.detect.Detectors;
import io.clusteragent.detect.FindingType;
import io.clusteragent.detect.IncidentTracker;
import io.clusteragent.detect.Notification;

import io.clusteragent.cluster.ClusterState;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Runs the detectors: every poll interval all of them (metrics are only read then), and every second
 * the ones whose conditions cannot wait for the next poll (a new OOM kill, a node going NotReady,
 * a crash loop) when the cache has changed since. Cycles run on a worker, one at a time: a slow
 * cycle is skipped over, never overlapped, and publishing never holds a cycle up.
 */
public final class DetectionVerticle extends AbstractVerticle {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionVerticle.class);
    static final Duration FAST_INTERVAL = Duration.ofSeconds(1);
    private static final Set<FindingType> URGENT = EnumSet.of(FindingType.OOM_KILLED, FindingType.NODE_NOT_READY, FindingType.CRASH_LOOP);

    private final ClusterState state;
    private final Clock clock;
    private final DetectorSettings settings;
    private final Duration pollInterval;
    private final IncidentTracker tracker;
    private final Function<Notification, Future<Void>> publisher;
    private final DetectionMeters meters;
    private List<Detector> all;
    private List<Detector> urgent;
    private boolean running;
    private long lastFastVersion = -1;
    private long pollTimer = -1;
    private long fastTimer = -1;

    public DetectionVerticle(ClusterState state, Clock clock, DetectorSettings settings, Duration pollInterval,
            IncidentTracker tracker, Function<Notification, Future<Void>> publisher, DetectionMeters meters) {
        this.state = state;
        this.clock = clock;
        this.settings = settings;
        this.pollInterval = pollInterval;
        this.tracker = tracker;
        this.publisher = publisher;
        this.meters = meters;
    }

    @Override
    public void start(Promise<Void> started) {
        all = Detectors.all(settings);
        urgent = all.stream().filter(d -> URGENT.contains(d.type())).toList();
        lastFastVersion = state.version();
        // Start completes after a first full cycle, so what is wrong already is reported at once.
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
    public void stop() {
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(fastTimer);
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
        return vertx.executeBlocking(() -> {
                    DetectionInput input = DetectionInput.of(state, now, settings);
                    CycleResult result = Detectors.run(detectors, input);
                    result.failures().forEach((type, failure) ->
                            LOG.error("detector {} failed; its incidents stay as they were", type.label(), failure));
                    meters.evaluated(input.pods().size(), input.nodes().size());
                    return tracker.update(result, now);
                }, true)
                .onSuccess(notifications -> notifications.forEach(this::publish))
                .onFailure(failure -> LOG.error("detection cycle failed", failure))
                .onComplete(done -> {
                    running = false;
                    meters.cycleDuration(allDetectors, Duration.ofNanos(System.nanoTime() - start));
                });
    }

    private void publish(Notification notification) {
        meters.notification(notification);
        publisher.apply(notification).onFailure(failure -> LOG.error("incident {} could not be queued for publishing",
                notification.fingerprint(), kv("fingerprint", notification.fingerprint()), failure));
    }
}
