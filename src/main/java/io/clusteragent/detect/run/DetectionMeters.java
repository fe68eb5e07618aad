package io.clusteragent.detect.run;

import io.clusteragent.detect.Notification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** What detection does, on /metrics: cycle time, what a cycle looked at, what it opened and resolved. */
public final class DetectionMeters {

    private final MeterRegistry registry;
    private final Timer fullCycles;
    private final Timer urgentCycles;
    private final Counter skipped;
    private final AtomicInteger podsEvaluated = new AtomicInteger();
    private final AtomicInteger nodesEvaluated = new AtomicInteger();
    private final AtomicInteger leader = new AtomicInteger();

    public DetectionMeters(MeterRegistry registry) {
        this.registry = registry;
        this.fullCycles = Timer.builder("cluster_agent_detection_cycle")
                .tag("detectors", "all")
                .description("Time of one detection cycle")
                .register(registry);
        this.urgentCycles = Timer.builder("cluster_agent_detection_cycle")
                .tag("detectors", "urgent")
                .description("Time of one detection cycle")
                .register(registry);
        this.skipped = Counter.builder("cluster_agent_detection_cycles_skipped")
                .description("Cycles not started because the previous one was still running")
                .register(registry);
        Gauge.builder("cluster_agent_detection_pods_evaluated", podsEvaluated, AtomicInteger::get)
                .register(registry);
        Gauge.builder("cluster_agent_detection_nodes_evaluated", nodesEvaluated, AtomicInteger::get)
                .register(registry);
        Gauge.builder("cluster_agent_detection_leader", leader, AtomicInteger::get)
                .description("1 when this replica runs the detectors")
                .register(registry);
        // Present at zero from the start, so that an alert on their increase has a series to watch.
        notQueuedCounter("state");
        notQueuedCounter("spool");
    }

    void evaluated(int pods, int nodes) {
        podsEvaluated.set(pods);
        nodesEvaluated.set(nodes);
    }

    void cycleDuration(boolean allDetectors, Duration duration) {
        (allDetectors ? fullCycles : urgentCycles).record(duration);
    }

    void cycleSkipped() {
        skipped.increment();
    }

    void notification(Notification notification) {
        Counter.builder("cluster_agent_incidents")
                .tag("type", notification.finding().type().label())
                .tag("severity", notification.finding().severity().name().toLowerCase(java.util.Locale.ROOT))
                .tag("status", notification.status().name().toLowerCase(java.util.Locale.ROOT))
                .description("Incident notifications: opened, re-notified and resolved")
                .register(registry)
                .increment();
    }

    /** A notification that could not be made durable: the incident state ({@code state}) or the spool ({@code spool}) refused it. */
    void notQueued(String stage) {
        notQueuedCounter(stage).increment();
    }

    private Counter notQueuedCounter(String stage) {
        return Counter.builder("cluster_agent_incidents_not_queued")
                .tag("stage", stage)
                .description("Incident notifications that could not be made durable; each is tried again next cycle")
                .register(registry);
    }

    public void leader(boolean leading) {
        leader.set(leading ? 1 : 0);
    }
}
