package io.clusteragent.detect;

import io.clusteragent.analysis.events.ObservedEvent;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Warning occurrences per object and reason within a sliding window, counted as the increases of
 * each Event's count between observations: a reporter repeats an event by raising the count of one
 * object, not by creating new ones. An event first seen with a count is counted whole only when it
 * first occurred within the window; otherwise that count is the baseline for later increases.
 */
final class EventOccurrences {

    private final Duration window;
    /** The last version and count seen per Event object, as of the latest poll that saw it. */
    private final EventCounts counts = new EventCounts();
    /** The events the current poll has seen, so that those it did not see are forgotten. */
    private final Set<String> seenThisPoll = new HashSet<>();

    private final Map<Key, OccurrenceWindow> windows = new LinkedHashMap<>();

    EventOccurrences(Duration window) {
        this.window = window;
    }

    /** Counts what one cached event brought since the last poll saw it; Normal events bring nothing. */
    void observe(Event cached, Instant at) {
        if (!"Warning".equals(cached.getType()) || cached.getInvolvedObject() == null) {
            return;
        }
        String id = EventCounts.idOf(cached);
        seenThisPoll.add(id);
        String version =
                cached.getMetadata() == null ? null : cached.getMetadata().getResourceVersion();
        ObservedEvent event = ObservedEvent.of(cached);
        counts.observe(id, version, event.count()).ifPresent(change -> {
            int increase = !change.firstSeen()
                    ? change.increase()
                    : event.firstSeen().isBefore(at.minus(window)) ? 0 : event.count();
            if (increase > 0) {
                windows.computeIfAbsent(Key.of(cached), k -> new OccurrenceWindow())
                        .add(at, increase, event.message());
            }
        });
    }

    /** Starts a poll over every event: those it does not see again are forgotten by {@link #endPoll}. */
    void beginPoll() {
        seenThisPoll.clear();
    }

    /** Forgets the counts of events that expired from the cluster (their time-to-live is an hour by default). */
    void endPoll() {
        counts.retainOnly(seenThisPoll);
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
}
