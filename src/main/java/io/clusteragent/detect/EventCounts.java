package io.clusteragent.detect;

import io.fabric8.kubernetes.api.model.Event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The last resourceVersion and count seen of each Event object, and what a new observation of it adds.
 * A reporter repeats an event by raising the count of one object (core/v1 {@code count}, events.k8s.io
 * {@code series.count}), so occurrences are the increases between observations, never the number of
 * notifications; an observation of a version already seen (a resync, a relist) adds nothing. Shared by
 * the detectors' windows and the forwarding of occurrences, so both count the same occurrences.
 */
public final class EventCounts {

    private final int maxEvents;
    /** In order of last change, so when full the event unchanged for longest is forgotten first. */
    private final LinkedHashMap<String, Seen> seenByEvent = new LinkedHashMap<>(16, 0.75f, false);

    /** @param maxEvents how many events are remembered; past it, the one unchanged for longest is forgotten */
    public EventCounts(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    public EventCounts() {
        this(Integer.MAX_VALUE);
    }

    /**
     * What one observation brings; empty when this version of the event was observed already.
     *
     * @param count the event's count as {@code ObservedEvent} folds count and series.count
     */
    public Optional<Change> observe(String id, String resourceVersion, int count) {
        Seen last = seenByEvent.get(id);
        if (last != null && resourceVersion != null && resourceVersion.equals(last.resourceVersion())) {
            return Optional.empty();
        }
        remember(id, resourceVersion, last == null ? count : Math.max(count, last.count()));
        return Optional.of(last == null ? new Change(true, 0, count) : new Change(false, last.count(), count));
    }

    /** Takes {@code count} as what was already counted of the event, e.g. from a checkpoint. */
    public void remember(String id, String resourceVersion, int count) {
        seenByEvent.remove(id);
        seenByEvent.put(id, new Seen(resourceVersion, count));
        if (seenByEvent.size() > maxEvents) {
            var eldest = seenByEvent.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    public boolean contains(String id) {
        return seenByEvent.containsKey(id);
    }

    public void forget(String id) {
        seenByEvent.remove(id);
    }

    /** Forgets the events not in {@code ids}: those that expired from the cluster. */
    public void retainOnly(Set<String> ids) {
        seenByEvent.keySet().retainAll(ids);
    }

    /** The count last observed per event, the one unchanged for longest first. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        seenByEvent.forEach((id, seen) -> counts.put(id, seen.count()));
        return counts;
    }

    /** The event object's uid; hand-written snapshots may leave it out, and then namespace/name identify it. */
    public static String idOf(Event event) {
        var metadata = event.getMetadata();
        if (metadata == null) {
            return "";
        }
        return metadata.getUid() != null ? metadata.getUid() : metadata.getNamespace() + "/" + metadata.getName();
    }

    /**
     * @param firstSeen     no earlier observation of the event is remembered
     * @param previousCount the count of the last observation; 0 when first seen
     */
    public record Change(boolean firstSeen, int previousCount, int count) {

        /** The occurrences since the last observation; the whole count for an event first seen. */
        public int increase() {
            return Math.max(0, count - previousCount);
        }
    }

    private record Seen(String resourceVersion, int count) {}
}
