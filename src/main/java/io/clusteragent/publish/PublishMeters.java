package io.clusteragent.publish;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/** How publishing goes, on /metrics, read from the sink's own counters whenever Prometheus scrapes. */
public final class PublishMeters {

    private PublishMeters() {}

    public static void register(MeterRegistry registry, IncidentSink sink) {
        attempts(registry, sink, "delivered", s -> s.stats().delivered());
        attempts(registry, sink, "retried", s -> s.stats().retried());
        attempts(registry, sink, "rejected", s -> s.stats().rejected());
        FunctionCounter.builder(
                        "cluster_agent_publish_dropped", sink, s -> s.stats().dropped())
                .description("Incidents evicted unsent because the spool was full")
                .register(registry);
        Gauge.builder("cluster_agent_publish_queue_depth", sink, s -> s.stats().queueDepth())
                .description("Incidents waiting for a delivery slot")
                .register(registry);
        Gauge.builder("cluster_agent_publish_spool_depth", sink, s -> s.stats().spoolDepth())
                .description("Incidents on disk until the Agent Service accepts them")
                .register(registry);
        FunctionTimer.builder(
                        "cluster_agent_publish_request",
                        sink,
                        s -> s.postTimes().count(),
                        s -> s.postTimes().totalNanos(),
                        TimeUnit.NANOSECONDS)
                .description("Round trips to the Agent Service")
                .register(registry);
    }

    private static void attempts(
            MeterRegistry registry, IncidentSink sink, String outcome, ToDoubleFunction<IncidentSink> count) {
        FunctionCounter.builder("cluster_agent_publish_attempts", sink, count)
                .tag("outcome", outcome)
                .description("POSTs to the Agent Service by outcome")
                .register(registry);
    }
}
