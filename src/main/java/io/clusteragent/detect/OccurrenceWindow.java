package io.clusteragent.detect;

import java.time.Instant;
import java.util.ArrayDeque;

/** Occurrences of one event reason for one object, with when they were observed, trimmed to a sliding window. */
final class OccurrenceWindow {

    private final ArrayDeque<Occurrence> occurrences = new ArrayDeque<>();
    private int total;
    private String lastMessage = "";

    /** Observations arrive in time order, so the oldest is always at the head. */
    void add(Instant at, int count, String message) {
        occurrences.addLast(new Occurrence(at, count));
        total += count;
        lastMessage = message;
    }

    void dropBefore(Instant since) {
        while (!occurrences.isEmpty() && occurrences.peekFirst().at().isBefore(since)) {
            total -= occurrences.removeFirst().count();
        }
    }

    int total() {
        return total;
    }

    boolean isEmpty() {
        return occurrences.isEmpty();
    }

    String lastMessage() {
        return lastMessage;
    }

    private record Occurrence(Instant at, int count) {}
}
