package io.clusteragent.detect;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.events.EventReasonCatalog;
import io.clusteragent.analysis.pods.ShortText;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * event_burst: at least {@code threshold} Warning occurrences of one reason for one object within
 * the window (FailedMount, BackOff, Unhealthy, FailedScheduling...); critical from three times the
 * threshold. Each {@link #detect} polls the event cache and {@link EventOccurrences} counts the rise
 * of every event's count since the previous poll, so several updates between two polls add up to
 * the same total an update-by-update feed would give.
 */
public final class EventBurstDetector implements Detector {

    private static final int MESSAGE_LIMIT = 300;

    private final int threshold;
    private final Duration window;
    private final EventOccurrences occurrences;

    public EventBurstDetector(int threshold, Duration window) {
        this.threshold = threshold;
        this.window = window;
        this.occurrences = new EventOccurrences(window);
    }

    @Override
    public FindingType type() {
        return FindingType.EVENT_BURST;
    }

    @Override
    public List<Finding> detect(DetectionInput input) {
        occurrences.beginPoll();
        for (Event event : input.state().events()) {
            if ("Warning".equals(event.getType())) {
                occurrences.observe(event, input.now());
            }
        }
        occurrences.endPoll();
        List<Finding> findings = new ArrayList<>();
        for (EventOccurrences.Burst burst : occurrences.bursts(input.now(), threshold)) {
            subjectInScope(burst.key(), input).ifPresent(subject -> findings.add(finding(subject, burst)));
        }
        return findings;
    }

    /** What the burst is about, unless detection is scoped to a node the object is not on. */
    private static Optional<Subject> subjectInScope(EventOccurrences.Key key, DetectionInput input) {
        boolean unscoped = input.nodeName().isEmpty();
        switch (key.kind()) {
            case "Node":
                return input.coversNode(key.name()) ? Optional.of(Subject.node(key.name())) : Optional.empty();
            case "Pod":
                Optional<Pod> pod = input.state().pod(key.namespace(), key.name());
                if (pod.isPresent()) {
                    return input.covers(pod.get())
                            ? Optional.of(Subject.pod(pod.get(), input.state()))
                            : Optional.empty();
                }
                return unscoped ? Optional.of(Subject.uncachedPod(key.namespace(), key.name())) : Optional.empty();
            default:
                return unscoped
                        ? Optional.of(Subject.object(key.kind(), key.namespace(), key.name()))
                        : Optional.empty();
        }
    }

    private Finding finding(Subject subject, EventOccurrences.Burst burst) {
        String reason = burst.key().reason();
        String lastMessage = ShortText.of(burst.lastMessage(), MESSAGE_LIMIT);
        String message = "Warning event " + reason + " occurred " + burst.occurrences() + " times in the last "
                + HumanDuration.format(window) + " for " + subject.resource()
                + (subject.namespace() == null ? "" : " in namespace " + subject.namespace())
                + " (threshold " + threshold + ")" + (lastMessage.isEmpty() ? "" : ": " + lastMessage);
        IncidentSeverity severity =
                burst.occurrences() >= 3L * threshold ? IncidentSeverity.CRITICAL : IncidentSeverity.HIGH;
        return Finding.of(
                type(),
                severity,
                subject,
                message,
                Details.of()
                        .put("reason", reason)
                        .put("occurrences", burst.occurrences())
                        .put("threshold", threshold)
                        .put("window", HumanDuration.format(window))
                        .put(
                                "involved_object",
                                burst.key().kind() + "/" + burst.key().name())
                        .put(
                                "category",
                                EventReasonCatalog.lookup(reason, burst.lastMessage())
                                        .map(e -> e.category().name())
                                        .orElse(null))
                        .put("last_message", lastMessage)
                        .build());
    }
}
