package io.clusteragent.detect;

import io.clusteragent.detect.CgroupReadings.PodName;
import io.clusteragent.detect.CgroupReadings.Usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each pod's CPU over its last {@code window} intervals between readings of the node's cgroups: the increase of the
 * containers' {@code cpu usage} counters divided by the time between the readings, as Prometheus' {@code rate()}
 * makes it. A container started again has a new cgroup whose counter began at 0, so its whole value is the increase;
 * a container seen for the first time has no earlier value and adds nothing until its next reading.
 */
final class CgroupCpuHistory {

    private final int window;
    private Map<PodName, PodCpu> byPod = new HashMap<>();
    private Instant lastReading;

    CgroupCpuHistory(int window) {
        this.window = window;
    }

    /** Adds the reading once however many cycles see it, and forgets pods it no longer holds. */
    void record(CgroupReadings readings) {
        if (readings.readAt().equals(lastReading)) {
            return;
        }
        lastReading = readings.readAt();
        Map<PodName, PodCpu> next = new HashMap<>();
        readings.pods().forEach((pod, containers) -> {
            PodCpu cpu = byPod.getOrDefault(pod, new PodCpu());
            cpu.add(readings.readAt(), containers, window);
            next.put(pod, cpu);
        });
        byPod = next;
    }

    /** The pod's CPU over the last {@code window} intervals; empty until that many readings followed the first. */
    Optional<Rate> rate(PodName pod) {
        PodCpu cpu = byPod.get(pod);
        return cpu == null ? Optional.empty() : cpu.rate(window);
    }

    /** @param over the time between the first and the last reading it is measured over */
    record Rate(double millicores, Duration over) {}

    private record Counter(String cgroup, double seconds) {}

    private record Point(Instant at, double seconds) {}

    private static final class PodCpu {
        private Map<String, Counter> last = Map.of();
        private double total;
        private final ArrayDeque<Point> points = new ArrayDeque<>();

        void add(Instant at, Map<String, Usage> containers, int window) {
            Map<String, Counter> counters = new HashMap<>();
            containers.forEach((name, usage) -> {
                Counter previous = last.get(name);
                if (previous != null) {
                    boolean sameRun =
                            previous.cgroup().equals(usage.cgroup()) && usage.cpuSeconds() >= previous.seconds();
                    total += sameRun ? usage.cpuSeconds() - previous.seconds() : usage.cpuSeconds();
                }
                counters.put(name, new Counter(usage.cgroup(), usage.cpuSeconds()));
            });
            last = counters;
            points.addLast(new Point(at, total));
            while (points.size() > window + 1) {
                points.removeFirst();
            }
        }

        Optional<Rate> rate(int window) {
            if (points.size() < window + 1) {
                return Optional.empty();
            }
            Duration over =
                    Duration.between(points.getFirst().at(), points.getLast().at());
            if (over.isZero() || over.isNegative()) {
                return Optional.empty();
            }
            double seconds = points.getLast().seconds() - points.getFirst().seconds();
            // To the nanocore, as metrics-server reports usage: the counters' binary fractions add no more.
            double nanocores = Math.rint(seconds * 1e9 * 1e9 / over.toNanos());
            return Optional.of(new Rate(nanocores / 1e6, over));
        }
    }
}
