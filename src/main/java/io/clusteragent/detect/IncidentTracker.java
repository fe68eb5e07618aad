package io.clusteragent.detect;

import io.clusteragent.config.DetectorSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns each cycle's findings into the notifications to publish. An incident is notified when it
 * opens, again only when its severity rises above what was last notified or once the cooldown has
 * passed while it persists, and once as resolved when a cycle that ran its detector no longer finds
 * it. Detectors that did not run (a partial run, or one that failed) leave their incidents as they are.
 * Used by one cycle at a time.
 *
 * <p>Its memory can be taken out ({@link #records}) and put back ({@link #restore}), so that a restarted
 * agent or the next leader carries on: open incidents stay open with their versions, severity and
 * notification time (the cooldown continues), and a closed one that reopens continues its numbering.
 */
public final class IncidentTracker {

    /**
     * How long the last version of a resolved incident is remembered, at least: should it reopen, its
     * numbering continues, so that it does not repeat an idempotency key the receiver may still hold.
     */
    static final Duration VERSION_MEMORY = Duration.ofHours(24);

    private final String clusterId;
    private final PlatformNamespaces platform;
    private final Duration cooldown;
    private final boolean publishResolved;
    private final Duration versionMemory;
    private final Map<String, Incident> open = new LinkedHashMap<>();
    private final Map<String, Closed> closed = new HashMap<>();
    private long revision;

    public IncidentTracker(String clusterId, PlatformNamespaces platform, Duration cooldown, boolean publishResolved) {
        this.clusterId = clusterId;
        this.platform = platform;
        this.cooldown = cooldown;
        this.publishResolved = publishResolved;
        this.versionMemory = cooldown.compareTo(VERSION_MEMORY) > 0 ? cooldown : VERSION_MEMORY;
    }

    public static IncidentTracker of(String clusterId, DetectorSettings settings, boolean publishResolved) {
        return new IncidentTracker(
                clusterId, PlatformNamespaces.of(settings.platformNamespaces()), settings.cooldown(), publishResolved);
    }

    public List<Notification> update(CycleResult cycle, Instant now) {
        return update(cycle.evaluated(), cycle.findings(), now);
    }

    /** @param evaluated the types whose detectors ran to completion in this cycle */
    public List<Notification> update(Set<FindingType> evaluated, List<Finding> findings, Instant now) {
        Map<String, Finding> current = strongestByFingerprint(findings);
        List<Notification> notifications = new ArrayList<>();
        current.forEach((fingerprint, finding) -> {
            Notification notification = observe(fingerprint, finding, now);
            if (notification != null) {
                notifications.add(notification);
            }
        });
        resolveCleared(evaluated, current.keySet(), now, notifications);
        if (closed.values().removeIf(c -> c.closedAt().plus(versionMemory).isBefore(now))) {
            revision++;
        }
        return notifications;
    }

    /** Changes whenever {@link #records} would: a notification, a resolution, a forgotten closed incident. */
    public long revision() {
        return revision;
    }

    /** What this tracker knows, by fingerprint: enough for {@link #restore} to carry on from here. */
    public Map<String, IncidentRecord> records() {
        Map<String, IncidentRecord> records = new HashMap<>();
        open.forEach((fingerprint, incident) ->
                records.put(fingerprint, new IncidentRecord(incident.version, incident.notice, null)));
        closed.forEach(
                (fingerprint, c) -> records.put(fingerprint, new IncidentRecord(c.version(), null, c.closedAt())));
        return records;
    }

    /** Forgets everything and takes over the given records, as from {@link #records}. */
    public void restore(Map<String, IncidentRecord> records) {
        open.clear();
        closed.clear();
        records.forEach((fingerprint, record) -> {
            if (record.open()) {
                open.put(fingerprint, new Incident(record.version(), record.lastNotice()));
            } else {
                closed.put(fingerprint, new Closed(record.version(), record.closedAt()));
            }
        });
        revision++;
    }

    public String fingerprint(Finding finding) {
        return Fingerprints.of(clusterId, finding);
    }

    /** Open incidents by fingerprint, with the last finding of each. */
    public Map<String, Finding> openIncidents() {
        Map<String, Finding> view = new LinkedHashMap<>();
        open.forEach((fingerprint, incident) -> view.put(fingerprint, incident.last));
        return Collections.unmodifiableMap(view);
    }

    private Notification observe(String fingerprint, Finding finding, Instant now) {
        Incident incident = open.get(fingerprint);
        if (incident == null) {
            Closed before = closed.remove(fingerprint);
            incident = new Incident(before == null ? 0 : before.version(), null);
            open.put(fingerprint, incident);
            return notify(fingerprint, incident, finding, IncidentStatus.OPEN, now);
        }
        incident.last = finding;
        boolean escalated = finding.severity().isAbove(incident.notice.finding().severity());
        boolean cooledDown = !now.isBefore(incident.notice.detectedAt().plus(cooldown));
        return escalated || cooledDown ? notify(fingerprint, incident, finding, IncidentStatus.OPEN, now) : null;
    }

    private void resolveCleared(
            Set<FindingType> evaluated, Set<String> found, Instant now, List<Notification> notifications) {
        var entries = open.entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            Incident incident = entry.getValue();
            if (evaluated.contains(incident.last.type()) && !found.contains(entry.getKey())) {
                entries.remove();
                Notification resolved = notify(entry.getKey(), incident, incident.last, IncidentStatus.RESOLVED, now);
                closed.put(entry.getKey(), new Closed(incident.version, now));
                if (publishResolved) {
                    notifications.add(resolved);
                }
            }
        }
    }

    private Notification notify(
            String fingerprint, Incident incident, Finding finding, IncidentStatus status, Instant now) {
        incident.version++;
        incident.last = finding;
        incident.notice = new Notification(
                fingerprint, incident.version, status, finding, platform.categoryOf(finding.namespace()), now);
        revision++;
        return incident.notice;
    }

    /** Detectors report one finding per resource; should two share a fingerprint anyway, the more severe one stands. */
    private Map<String, Finding> strongestByFingerprint(List<Finding> findings) {
        Map<String, Finding> strongest = new LinkedHashMap<>();
        for (Finding finding : findings) {
            strongest.merge(
                    fingerprint(finding), finding, (a, b) -> b.severity().isAbove(a.severity()) ? b : a);
        }
        return strongest;
    }

    private static final class Incident {
        private int version;
        /** The latest finding, notified or not: a resolution reports the condition as it last was. */
        private Finding last;
        /** The last notification: its severity and time decide when to notify again. */
        private Notification notice;

        Incident(int version, Notification notice) {
            this.version = version;
            this.notice = notice;
            this.last = notice == null ? null : notice.finding();
        }
    }

    private record Closed(int version, Instant closedAt) {}
}
