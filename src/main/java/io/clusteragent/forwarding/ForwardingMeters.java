package io.clusteragent.forwarding;

import io.clusteragent.detect.Category;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Occurrences by outcome, reason and category on /metrics. Reasons come from Kubernetes' vocabulary,
 * but any controller may invent its own: past {@link #MAX_REASONS} distinct ones, the rest are counted
 * under {@code reason="other"}, so a misbehaving controller cannot grow the series without bound.
 */
final class ForwardingMeters {

    static final int MAX_REASONS = 200;
    static final String OTHER = "other";

    private final MeterRegistry registry;
    private final Map<Key, Counter> counters = new HashMap<>();
    private final Set<String> reasons = new HashSet<>();
    private final Counter producerErrors;
    private final Counter summaries;

    ForwardingMeters(MeterRegistry registry) {
        this.registry = registry;
        this.producerErrors = Counter.builder("cluster_agent_forwarding_producer_errors")
                .description("Event records Kafka did not take on a send (retried, or dropped when too large)")
                .register(registry);
        this.summaries = Counter.builder("cluster_agent_forwarding_summaries")
                .description("Summary records sent for occurrences the rate limits held back")
                .register(registry);
    }

    /** @param outcome received, forwarded, filtered or suppressed */
    void occurrences(String outcome, String reason, Category category, long occurrences) {
        counters.computeIfAbsent(new Key(outcome, cappedReason(reason), category), this::counter)
                .increment(occurrences);
    }

    void producerErrors(int errors) {
        producerErrors.increment(errors);
    }

    void summary() {
        summaries.increment();
    }

    MeterRegistry registry() {
        return registry;
    }

    private String cappedReason(String reason) {
        if (reasons.contains(reason)) {
            return reason;
        }
        if (reasons.size() < MAX_REASONS) {
            reasons.add(reason);
            return reason;
        }
        return OTHER;
    }

    private Counter counter(Key key) {
        return Counter.builder("cluster_agent_forwarding_occurrences")
                .description("Event occurrences (count increases) at the edge, by outcome")
                .tag("outcome", key.outcome())
                .tag("reason", key.reason())
                .tag("category", key.category() == null ? "" : key.category().name())
                .register(registry);
    }

    private record Key(String outcome, String reason, Category category) {}
}
