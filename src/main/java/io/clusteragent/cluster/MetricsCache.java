package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The latest metrics.k8s.io readings. Metrics cannot be watched, so they are polled on a timer
 * and requests read the last poll: a request never waits on the metrics API.
 */
public final class MetricsCache {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsCache.class);

    private record Reading(Map<String, NodeMetrics> nodes, Map<String, PodMetrics> pods, MetricsStatus status) {}

    private final KubernetesClient client;
    private final Clock clock;
    private final AtomicLong refreshes = new AtomicLong();
    private volatile boolean stopped;
    private volatile Reading reading =
            new Reading(Map.of(), Map.of(), MetricsStatus.unavailable("metrics have not been read yet"));

    public MetricsCache(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Reads node and pod metrics from the API server. Blocking: call it from a worker thread. */
    public void refresh() {
        try {
            Map<String, NodeMetrics> nodes = byKey(
                    client.top().nodes().metrics().getItems(),
                    m -> m.getMetadata().getName());
            Map<String, PodMetrics> pods = byKey(
                    client.top().pods().metrics().getItems(),
                    m -> key(m.getMetadata().getNamespace(), m.getMetadata().getName()));
            boolean wasAvailable = reading.status().available();
            reading = new Reading(nodes, pods, MetricsStatus.availableAt(clock.instant()));
            refreshes.incrementAndGet();
            if (!wasAvailable) {
                LOG.info("metrics.k8s.io is available: {} nodes, {} pods", nodes.size(), pods.size());
            }
        } catch (KubernetesClientException e) {
            if (stopped) {
                return;
            }
            String reason = e.getCode() == 404
                    ? "the metrics.k8s.io API is not installed (deploy metrics-server)"
                    : "the metrics.k8s.io API could not be read: " + e.getMessage();
            if (reading.status().available() || reading.status().lastRefresh() == null) {
                LOG.warn("{}", reason);
            }
            reading = new Reading(Map.of(), Map.of(), new MetricsStatus(false, clock.instant(), reason));
            refreshes.incrementAndGet();
        }
    }

    /** A reading still in flight when the client closes fails; that is shutdown, not a metrics outage. */
    void stop() {
        stopped = true;
    }

    /** Counts readings, so answers built on metrics know when they are out of date. */
    long refreshes() {
        return refreshes.get();
    }

    MetricsStatus status() {
        return reading.status();
    }

    Optional<NodeMetrics> node(String name) {
        return Optional.ofNullable(reading.nodes().get(name));
    }

    Optional<PodMetrics> pod(String namespace, String name) {
        return Optional.ofNullable(reading.pods().get(key(namespace, name)));
    }

    List<PodMetrics> pods() {
        return List.copyOf(reading.pods().values());
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity(), (a, b) -> b));
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
