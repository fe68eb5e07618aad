package io.clusteragent.detect;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.pods.ContainerSnapshot;
import io.clusteragent.analysis.pods.Termination;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * oom_killed: a container whose last run ended OOMKilled. A kill counts once, when the container is
 * first seen with it or when a new one replaces it (a later finishedAt, or a higher restart count
 * when the runtime gives no time). The incident lasts for the cooldown after the latest kill; a
 * second kill within the cooldown of the previous one makes it critical.
 */
public final class OomKilledDetector implements Detector {

    private final Duration cooldown;
    /** By namespace/pod/container: the kills seen, kept across cycles while they are recent. */
    private Map<String, OomKills> kills = new HashMap<>();

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
        List<Finding> findings = new ArrayList<>();
        for (PodContainers pod : input.podContainers()) {
            List<Hit> hits = new ArrayList<>();
            for (ContainerSnapshot container : pod.containers()) {
                String key = pod.namespace() + "/" + pod.name() + "/" + container.name();
                OomKills seen = observe(kills.get(key), container, now);
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
        kills = next;
        return findings;
    }

    private static OomKills observe(OomKills previous, ContainerSnapshot container, Instant now) {
        Termination oom = oomTermination(container);
        if (oom == null) {
            return previous;
        }
        Instant killedAt = oom.finishedAt() == null || oom.finishedAt().isAfter(now) ? now : oom.finishedAt();
        if (previous == null) {
            return new OomKills(oom, container.restartCount(), container.memoryLimit(), killedAt, null);
        }
        boolean newKill = oom.finishedAt() != null && previous.termination().finishedAt() != null
                ? oom.finishedAt().isAfter(previous.termination().finishedAt())
                : container.restartCount() > previous.restartCount();
        return newKill
                ? new OomKills(oom, container.restartCount(), container.memoryLimit(), killedAt, previous.lastAt())
                : previous.withRestartCount(container.restartCount());
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
        String message = pod.describe(hit.container()) + " was OOMKilled" + limit + " (" + kills.restartCount()
                + " restarts)" + repeat;
        return Finding.of(
                type(),
                hit.severity(),
                Subject.pod(pod.pod(), input.state()),
                message,
                Details.of()
                        .put("container", hit.container().name())
                        .put("reason", Termination.OOM_KILLED)
                        .put("exit_code", kills.termination().exitCode())
                        .put("restarts", kills.restartCount())
                        .put("memory_limit", kills.memoryLimit())
                        .put("killed_at", kills.lastAt())
                        .put("previous_kill_at", kills.previousAt())
                        .build());
    }

    /**
     * @param termination the latest kill as reported
     * @param memoryLimit the container's limit when it was killed; null without one
     * @param lastAt      when the latest kill happened (its finishedAt, else when it was first seen)
     * @param previousAt  when the kill before it happened; null for the first one seen
     */
    private record OomKills(
            Termination termination, int restartCount, String memoryLimit, Instant lastAt, Instant previousAt) {

        boolean repeatedWithin(Duration cooldown) {
            return previousAt != null && Duration.between(previousAt, lastAt).compareTo(cooldown) <= 0;
        }

        OomKills withRestartCount(int restarts) {
            return new OomKills(termination, restarts, memoryLimit, lastAt, previousAt);
        }
    }

    private record Hit(ContainerSnapshot container, OomKills kills, IncidentSeverity severity) {}
}
