package io.clusteragent.forwarding;

import io.clusteragent.analysis.events.ObservedEvent;
import io.clusteragent.config.ForwardingSettings;
import io.clusteragent.detect.EventCounts;
import io.clusteragent.detect.PlatformNamespaces;
import io.clusteragent.eventrecord.InvolvedObject;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one observation of an Event comes to at the edge: its occurrences (the count increase since it
 * was last observed), classified, then filtered and rate-limited. Pure and single-threaded: the
 * forwarder calls it on its context, the benchmark in a loop.
 */
public final class EdgeFilter {

    /** client-go's EventAggregator puts this before the message of the event that stands for similar ones. */
    static final String AGGREGATE_PREFIX = "(combined from similar events): ";

    private final NormalEvents normal;
    private final EventClassifier classifier;
    private final RateLimits limits;
    /** Counts of the events that are forwarded: what the checkpoint records. */
    private final EventCounts forwardable;
    /** Counts of the events the filter drops, kept only so their occurrences are counted right. */
    private final EventCounts dropped;

    /**
     * The edge of an agent with these settings, classifying by these namespace labels; for the benchmark,
     * which measures it without Kafka.
     */
    public static EdgeFilter of(
            ForwardingSettings settings,
            List<String> platformNamespaces,
            Function<String, Map<String, String>> namespaceLabels,
            long nowNanos) {
        return new EdgeFilter(
                new NormalEvents(settings.normalAllowlist()),
                new EventClassifier(
                        settings.categoryRules(), PlatformNamespaces.of(platformNamespaces), namespaceLabels),
                new RateLimits(settings.perReason(), settings.global(), nowNanos),
                EventForwarding.MAX_EVENTS);
    }

    EdgeFilter(NormalEvents normal, EventClassifier classifier, RateLimits limits, int maxEvents) {
        this.normal = normal;
        this.classifier = classifier;
        this.limits = limits;
        this.forwardable = new EventCounts(maxEvents);
        this.dropped = new EventCounts(maxEvents);
    }

    public Result observe(Event event, long nowNanos) {
        String type = event.getType() == null ? "Normal" : event.getType();
        String reason = event.getReason() == null ? "" : event.getReason();
        boolean kept = normal.forwarded(type, reason);
        ObservedEvent observed = ObservedEvent.of(event);
        String id = EventCounts.idOf(event);
        Optional<EventCounts.Change> change =
                (kept ? forwardable : dropped).observe(id, resourceVersion(event), observed.count());
        if (change.isEmpty()) {
            return new Result(Outcome.UNCHANGED, null);
        }
        if (change.get().increase() == 0) {
            return new Result(Outcome.NOTHING_NEW, null);
        }
        Occurrence occurrence = occurrence(event, id, observed, change.get().increase());
        if (!kept) {
            return new Result(Outcome.FILTERED, occurrence);
        }
        return new Result(limits.admit(occurrence, nowNanos) ? Outcome.FORWARDED : Outcome.SUPPRESSED, occurrence);
    }

    /**
     * Takes the event's present count as already forwarded, unless an earlier count of it is known:
     * it was forwarded before the checkpoint this leader started from.
     */
    void baseline(Event event) {
        String id = EventCounts.idOf(event);
        EventCounts counts = normal.forwarded(event.getType() == null ? "Normal" : event.getType(), event.getReason())
                ? forwardable
                : dropped;
        if (!counts.contains(id)) {
            counts.remember(id, resourceVersion(event), ObservedEvent.of(event).count());
        }
    }

    /** Whether an earlier count of the event is known (observed, or from the checkpoint). */
    boolean knows(Event event) {
        String id = EventCounts.idOf(event);
        return forwardable.contains(id) || dropped.contains(id);
    }

    /** Gone from the cluster (its time-to-live ended): nothing more to count for it. */
    void forget(Event event) {
        String id = EventCounts.idOf(event);
        forwardable.forget(id);
        dropped.forget(id);
    }

    /** The counts a checkpoint records: of forwarded events, as far as observed. */
    EventCounts forwardable() {
        return forwardable;
    }

    RateLimits limits() {
        return limits;
    }

    private Occurrence occurrence(Event event, String id, ObservedEvent observed, int increase) {
        ObjectReference involved = event.getInvolvedObject();
        String namespace = involved == null ? eventNamespace(event) : involved.getNamespace();
        InvolvedObject object = involved == null
                ? new InvolvedObject(null, namespace, null, null)
                : new InvolvedObject(involved.getKind(), namespace, involved.getName(), involved.getUid());
        return new Occurrence(
                id,
                observed.type(),
                observed.reason(),
                withoutAggregatePrefix(observed.message()),
                object,
                classifier.categoryOf(namespace, controller(event)),
                observed.count(),
                increase,
                observed.firstSeen(),
                observed.lastSeen());
    }

    /**
     * The aggregate's message without the marker, so rules on message prefixes ("Back-off restarting
     * failed container") match it too; its count increases are the similar events it stands for.
     */
    static String withoutAggregatePrefix(String message) {
        return message.startsWith(AGGREGATE_PREFIX) ? message.substring(AGGREGATE_PREFIX.length()) : message;
    }

    private static String controller(Event event) {
        if (event.getReportingComponent() != null
                && !event.getReportingComponent().isEmpty()) {
            return event.getReportingComponent();
        }
        return event.getSource() == null ? null : event.getSource().getComponent();
    }

    private static String eventNamespace(Event event) {
        return event.getMetadata() == null ? null : event.getMetadata().getNamespace();
    }

    static String resourceVersion(Event event) {
        return event.getMetadata() == null ? null : event.getMetadata().getResourceVersion();
    }

    public enum Outcome {
        /** This version was observed already: an informer resync or relist. */
        UNCHANGED,
        /** Changed without a count increase (a new message or time only). */
        NOTHING_NEW,
        /** A Normal event of a reason not on the allowlist. */
        FILTERED,
        /** Held back by a rate limit, counted for the next summary. */
        SUPPRESSED,
        FORWARDED
    }

    /** @param occurrence what the observation added; null for {@link Outcome#UNCHANGED} and {@link Outcome#NOTHING_NEW} */
    public record Result(Outcome outcome, Occurrence occurrence) {

        int occurrences() {
            return occurrence == null ? 0 : occurrence.occurrences();
        }
    }
}
