package io.clusteragent.detect;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.pods.ContainerSnapshot;
import io.clusteragent.analysis.pods.ContainerStates;
import io.clusteragent.analysis.pods.Termination;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * oom_killed: a container whose last run ended OOMKilled. A kill counts once, when the container is
 * first seen with it or when a new one replaces it (a later finishedAt, or a higher restart count
 * when the runtime gives no time). The incident lasts for the cooldown after the latest kill; a
 * second kill within the cooldown of the previous one makes it critical.
 *
 * <p>With the node's own cgroup readings, a rise of the container's OOM kill counter is a kill too, also one the
 * status does not show (a process other than the container's first was killed, or the container was started again
 * before its status was read). A kill both show is counted once: the status' kill and the counter's rise are the
 * same kill when its finishedAt falls between the two readings the counter rose between. The finding's
 * {@code source} says which saw the latest kill.
 */
public final class OomKilledDetector implements Detector {

    private static final String POD_STATUS = "pod status";

    private final Duration cooldown;
    /** By namespace/pod/container: the kills seen, kept across cycles while they are recent. */
    private Map<String, OomKills> kills = new HashMap<>();

    private final OomCounters counters = new OomCounters();

    public OomKilledDetector(Duration cooldown) {
        this.cooldown = cooldown;
    }

    @Override
    public FindingType type() {
        return FindingType.OOM_KILLED;
    }

    @Override
    public List<Finding> detect(DetectionInput input) {
        Instant now = input.now();
        Map<String, OomKills> next = new HashMap<>();
        Set<String> inScope = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (PodContainers pod : input.podContainers()) {
            List<Hit> hits = new ArrayList<>();
            for (ContainerSnapshot container : pod.containers()) {
                String key = pod.namespace() + "/" + pod.name() + "/" + container.name();
                inScope.add(key);
                OomKills seen = observe(kills.get(key), pod, container, counted(input, pod, container, key), now);
                if (seen != null && Duration.between(seen.lastAt(), now).compareTo(cooldown) < 0) {
                    next.put(key, seen);
                    hits.add(new Hit(
                            container,
                            seen,
                            seen.repeatedWithin(cooldown) ? IncidentSeverity.CRITICAL : IncidentSeverity.HIGH));
                }
            }
            hits.stream()
                    .max(Comparator.comparing(Hit::severity))
                    .ifPresent(hit -> findings.add(finding(pod, hit, input)));
        }
        counters.retain(inScope);
        kills = next;
        return findings;
    }

    private Optional<OomCounters.Increase> counted(
            DetectionInput input, PodContainers pod, ContainerSnapshot container, String key) {
        return input.cgroups()
                .flatMap(readings -> readings.container(pod.namespace(), pod.name(), container.name())
                        .flatMap(usage -> counters.observe(key, usage, readings.readAt())));
    }

    private static OomKills observe(
            OomKills previous,
            PodContainers pod,
            ContainerSnapshot container,
            Optional<OomCounters.Increase> counted,
            Instant now) {
        OomKills seen = reported(previous, container, now);
        if (counted.isEmpty()) {
            return seen;
        }
        OomCounters.Increase increase = counted.get();
        if (seen != null && seen.awaitsCounter() && increase.covers(seen.lastAt())) {
            return seen.alsoCounted();
        }
        return OomKills.counted(
                seen,
                increase,
                ContainerStates.memoryLimit(pod.pod(), container.name()).orElse(null),
                container.restartCount());
    }

    /** The kills as the status reports them: the latest one, new or already known. */
    private static OomKills reported(OomKills previous, ContainerSnapshot container, Instant now) {
        Termination oom = oomTermination(container);
        if (oom == null) {
            return previous;
        }
        Instant killedAt = oom.finishedAt() == null || oom.finishedAt().isAfter(now) ? now : oom.finishedAt();
        if (previous == null) {
            return OomKills.reported(oom, container, killedAt, null);
        }
        if (!isNewKill(previous, oom, container)) {
            return previous.withRestartCount(container.restartCount());
        }
        if (previous.unconfirmed() != null && previous.unconfirmed().covers(killedAt)) {
            return previous.confirmedBy(oom, container, killedAt);
        }
        // Reported late, after a later kill only the counter saw: it is the earlier of the two.
        return killedAt.isBefore(previous.lastAt())
                ? previous.withEarlierKill(oom, killedAt)
                : OomKills.reported(oom, container, killedAt, previous.lastAt());
    }

    private static boolean isNewKill(OomKills previous, Termination oom, ContainerSnapshot container) {
        Termination known = previous.termination();
        if (known == null) {
            return true;
        }
        return oom.finishedAt() != null && known.finishedAt() != null
                ? oom.finishedAt().isAfter(known.finishedAt())
                : container.restartCount() > previous.restartCount();
    }

    /** The container is down after an OOM kill right now, or its previous run ended with one. */
    private static Termination oomTermination(ContainerSnapshot container) {
        if (container.current() != null && container.current().oomKilled()) {
            return container.current();
        }
        return container.last() != null && container.last().oomKilled() ? container.last() : null;
    }

    private Finding finding(PodContainers pod, Hit hit, DetectionInput input) {
        OomKills kills = hit.kills();
        String limit = kills.memoryLimit() == null
                ? " with no memory limit, so the node ran out of memory"
                : " at its memory limit of " + kills.memoryLimit();
        String repeat = kills.repeatedWithin(cooldown)
                ? "; the previous OOM kill was "
                        + HumanDuration.format(Duration.between(kills.previousAt(), kills.lastAt())) + " earlier"
                : "";
        String message = kills.latestReported()
                ? pod.describe(hit.container()) + " was OOMKilled" + limit + " (" + kills.restartCount() + " restarts)"
                        + repeat
                : pod.describe(hit.container()) + " had a process OOM-killed" + limit + " (" + kills.restartCount()
                        + " restarts; counted by the node's cgroup, not shown in the pod status)" + repeat;
        return Finding.of(
                type(),
                hit.severity(),
                Subject.pod(pod.pod(), input.state()),
                message,
                Details.of()
                        .put("container", hit.container().name())
                        .put("reason", Termination.OOM_KILLED)
                        .put(
                                "exit_code",
                                kills.latestReported() ? kills.termination().exitCode() : null)
                        .put("restarts", kills.restartCount())
                        .put("memory_limit", kills.memoryLimit())
                        .put("killed_at", kills.lastAt())
                        .put("previous_kill_at", kills.previousAt())
                        .put("source", kills.source())
                        .build());
    }

    /**
     * @param termination    the latest kill the status reported; null when it reported none
     * @param memoryLimit    the container's limit when it was killed; null without one
     * @param lastAt         when the latest kill happened (its finishedAt, else when it was first seen; for a kill
     *                       only the counter saw, the reading that saw it)
     * @param previousAt     when the kill before it happened; null for the first one seen
     * @param unconfirmed    the readings the counter rose between for the latest kill, while the status has not shown
     *                       it; null otherwise
     * @param latestCounted  the counter saw the latest kill
     * @param latestReported the status reported the latest kill
     */
    private record OomKills(
            Termination termination,
            int restartCount,
            String memoryLimit,
            Instant lastAt,
            Instant previousAt,
            OomCounters.Increase unconfirmed,
            boolean latestCounted,
            boolean latestReported) {

        static OomKills reported(Termination oom, ContainerSnapshot container, Instant killedAt, Instant previousAt) {
            return new OomKills(
                    oom, container.restartCount(), container.memoryLimit(), killedAt, previousAt, null, false, true);
        }

        /** Kills only the counter saw; two or more between two readings are a repeat within the cooldown. */
        static OomKills counted(OomKills known, OomCounters.Increase increase, String memoryLimit, int restartCount) {
            Instant previousAt = increase.count() > 1 ? increase.at() : known == null ? null : known.lastAt();
            return new OomKills(
                    known == null ? null : known.termination(),
                    restartCount,
                    memoryLimit,
                    increase.at(),
                    previousAt,
                    increase,
                    true,
                    false);
        }

        /** The status now shows the kill the counter saw: the same kill, with the status' figures and time. */
        OomKills confirmedBy(Termination oom, ContainerSnapshot container, Instant killedAt) {
            return new OomKills(
                    oom, container.restartCount(), container.memoryLimit(), killedAt, previousAt, null, true, true);
        }

        OomKills withEarlierKill(Termination oom, Instant killedAt) {
            Instant previous = previousAt == null || killedAt.isAfter(previousAt) ? killedAt : previousAt;
            return new OomKills(
                    oom, restartCount, memoryLimit, lastAt, previous, unconfirmed, latestCounted, latestReported);
        }

        OomKills alsoCounted() {
            return new OomKills(
                    termination, restartCount, memoryLimit, lastAt, previousAt, unconfirmed, true, latestReported);
        }

        boolean awaitsCounter() {
            return latestReported && !latestCounted;
        }

        String source() {
            if (latestReported && latestCounted) {
                return POD_STATUS + ", " + CgroupReadings.SOURCE;
            }
            return latestReported ? POD_STATUS : CgroupReadings.SOURCE;
        }

        boolean repeatedWithin(Duration cooldown) {
            return previousAt != null && Duration.between(previousAt, lastAt).compareTo(cooldown) <= 0;
        }

        OomKills withRestartCount(int restarts) {
            return new OomKills(
                    termination, restarts, memoryLimit, lastAt, previousAt, unconfirmed, latestCounted, latestReported);
        }
    }

    private record Hit(ContainerSnapshot container, OomKills kills, IncidentSeverity severity) {}
}
