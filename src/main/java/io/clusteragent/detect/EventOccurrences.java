package io.clusteragent.detect;

import io.clusteragent.analysis.events.ObservedEvent;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warning occurrences per object and reason within a sliding window, counted as the increases of
 * each Event's count between observations: a reporter repeats an event by raising the count of one
 * object, not by creating new ones. An event first seen with a count is counted whole only when it
 * first occurred within the window; otherwise that count is the baseline for later increases.
 */
final class EventOccurrences {

    private final Duration window;
    /** The last version and count seen per Event object, as of the latest poll that saw it. */
    private final Map<String, Seen> seenByEvent = new HashMap<>();

    private long generation;
    private final Map<Key, OccurrenceWindow> windows = new LinkedHashMap<>();

    EventOccurrences(Duration window) {
        this.window = window;
    }

    /** Counts what one cached event brought since the last poll saw it; Normal events bring nothing. */
    void observe(Event cached, Instant at) {
        if (!"Warning".equals(cached.getType()) || cached.getInvolvedObject() == null) {
            return;
        }
        String id = idOf(cached);
        String version =
                cached.getMetadata() == null ? null : cached.getMetadata().getResourceVersion();
        Seen last = seenByEvent.get(id);
        if (last != null && version != null && version.equals(last.resourceVersion)) {
            last.generation = generation;
            return; // unchanged since the last poll: most events, most of the time
        }
        ObservedEvent event = ObservedEvent.of(cached);
        seenByEvent.put(id, new Seen(version, event.count(), generation));
        int increase = last != null
                ? event.count() - last.count
                : event.firstSeen().isBefore(at.minus(window)) ? 0 : event.count();
        if (increase > 0) {
            windows.computeIfAbsent(Key.of(cached), k -> new OccurrenceWindow()).add(at, increase, event.message());
        }
    }

    /** Starts a poll over every event: those it does not see again are forgotten by {@link #endPoll}. */
    void beginPoll() {
        generation++;
    }

    /** Forgets the counts of events that expired from the cluster (their time-to-live is an hour by default). */
    void endPoll() {
        long current = generation;
        seenByEvent.values().removeIf(seen -> seen.generation != current);
    }

    /** Per object, its reason with the most occurrences in the window ending at {@code now}, when they reach {@code threshold}. */
    List<Burst> bursts(Instant now, int threshold) {
        Instant since = now.minus(window);
        Map<String, Burst> worstByObject = new LinkedHashMap<>();
        var entries = windows.entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            OccurrenceWindow occurrences = entry.getValue();
            occurrences.dropBefore(since);
            if (occurrences.isEmpty()) {
                entries.remove();
            } else if (occurrences.total() >= threshold) {
                Burst burst = new Burst(entry.getKey(), occurrences.total(), occurrences.lastMessage());
                worstByObject.merge(
                        entry.getKey().object(), burst, (a, b) -> b.occurrences() > a.occurrences() ? b : a);
            }
        }
        return new ArrayList<>(worstByObject.values());
    }

    /** The event object's uid; hand-written snapshots may leave it out, and then namespace/name identify it. */
    static String idOf(Event event) {
        var metadata = event.getMetadata();
        if (metadata == null) {
            return "";
        }
        return metadata.getUid() != null ? metadata.getUid() : metadata.getNamespace() + "/" + metadata.getName();
    }

    /** One reason for one incarnation (uid) of one object. */
    record Key(String kind, String namespace, String name, String uid, String reason) {

        static Key of(Event event) {
            ObjectReference involved = event.getInvolvedObject();
            return new Key(
                    String.valueOf(involved.getKind()),
                    involved.getNamespace(),
                    involved.getName(),
                    involved.getUid(),
                    event.getReason() == null ? "" : event.getReason());
        }

        String object() {
            return kind + "/" + namespace + "/" + name + "/" + uid;
        }
    }

    record Burst(Key key, int occurrences, String lastMessage) {}

    private static final class Seen {
        private final String resourceVersion;
        private final int count;
        private long generation;

        Seen(String resourceVersion, int count, long generation) {
            this.resourceVersion = resourceVersion;
            this.count = count;
            this.generation = generation;
        }
    }
}
