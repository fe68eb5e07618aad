package io.clusteragent.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kernel's OOM kill counter of each container ({@code container_oom_events_total}), compared from one reading of
 * the node's cgroups to the next. It sees kills the pod status never shows (a process other than the container's
 * first, after which the container runs on) and kills of a container started again before its status was read.
 * A container seen for the first time only sets the baseline: what its counter held before says nothing of when.
 */
final class OomCounters {

    private Map<String, Counter> byContainer = new HashMap<>();

    /**
     * The kills counted since the container's previous reading; empty when there were none, when the reading is
     * one already seen, or when this is the first reading of the container.
     *
     * @param key namespace/pod/container
     */
    Optional<Increase> observe(String key, CgroupReadings.Usage usage, Instant readAt) {
        if (usage.oomKills().isEmpty()) {
            return Optional.empty();
        }
        long kills = usage.oomKills().getAsLong();
        Counter previous = byContainer.get(key);
        if (previous != null && !readAt.isAfter(previous.readAt())) {
            return Optional.empty();
        }
        byContainer.put(key, new Counter(usage.cgroup(), kills, readAt));
        if (previous == null) {
            return Optional.empty();
        }
        // A new cgroup is a new run of the container: its counter started at 0 after the previous reading.
        long increase = previous.cgroup().equals(usage.cgroup()) ? kills - previous.kills() : kills;
        return increase > 0 ? Optional.of(new Increase(previous.readAt(), readAt, increase)) : Optional.empty();
    }

    /** Forgets containers no longer in scope. */
    void retain(Set<String> keys) {
        byContainer.keySet().retainAll(keys);
    }

    private record Counter(String cgroup, long kills, Instant readAt) {}

    /**
     * {@code count} kills happened after the reading at {@code after} and by the one at {@code at}.
     */
    record Increase(Instant after, Instant at, long count) {

        /**
         * The status' {@code finishedAt} is in whole seconds and comes a moment after the kill: a kill reported there
         * is this one when it falls in the interval, give or take that much.
         */
        private static final Duration SLACK = Duration.ofSeconds(2);

        boolean covers(Instant killedAt) {
            return killedAt.isAfter(after.minus(SLACK)) && !killedAt.isAfter(at.plus(SLACK));
        }
    }
}
