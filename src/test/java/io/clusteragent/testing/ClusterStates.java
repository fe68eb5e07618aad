package io.clusteragent.testing;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.MetricsStatus;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cluster states that misbehave in one way, to drive the API's error responses. Each fault overrides
 * the exact lookups it changes, so a renamed lookup fails compilation rather than disabling the fault.
 */
public final class ClusterStates {

    private ClusterStates() {}

    /**
     * Looking up the pod, node or namespace a request names takes {@code millis}: an analysis that
     * overruns its budget. Only those first lookups are slow, so the worker thread is not held for long
     * once the request has been answered.
     */
    public static ClusterState slow(ClusterState delegate, long millis) {
        return new SlowLookups(delegate, Duration.ofMillis(millis));
    }

    /** Every read of all pods takes {@code millis}: a detection cycle that is surely still running a moment later. */
    public static ClusterState slowPods(ClusterState delegate, long millis) {
        return new SlowPods(delegate, Duration.ofMillis(millis));
    }

    /** Every lookup but the sync status throws: a broken cache. */
    public static ClusterState failing(ClusterState delegate) {
        return new Failing(delegate);
    }

    /** The events cache has not synced yet, so the agent is not ready. */
    public static ClusterState unsynced(ClusterState delegate) {
        return new Unsynced(delegate);
    }

    /** The metrics.k8s.io API is not served. */
    public static ClusterState withoutMetrics(ClusterState delegate) {
        return new WithoutMetrics(delegate);
    }

    /** A cache whose reads block the calling (worker) thread for a while, then answer. */
    private abstract static class Delayed extends ForwardingClusterState {
        private final Duration delay;

        Delayed(ClusterState delegate, Duration delay) {
            super(delegate);
            this.delay = delay;
        }

        <T> T late(Supplier<T> lookup) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return lookup.get();
        }
    }

    private static final class SlowLookups extends Delayed {
        SlowLookups(ClusterState delegate, Duration delay) {
            super(delegate, delay);
        }

        @Override
        public Optional<Pod> pod(String namespace, String name) {
            return late(() -> super.pod(namespace, name));
        }

        @Override
        public Optional<Node> node(String name) {
            return late(() -> super.node(name));
        }

        @Override
        public Optional<Namespace> namespace(String name) {
            return late(() -> super.namespace(name));
        }
    }

    private static final class SlowPods extends Delayed {
        SlowPods(ClusterState delegate, Duration delay) {
            super(delegate, delay);
        }

        @Override
        public List<Pod> pods() {
            return late(super::pods);
        }
    }

    private static final class Failing extends ForwardingClusterState {
        Failing(ClusterState delegate) {
            super(delegate);
        }

        @Override
        protected <T> T read(Supplier<T> lookup) {
            throw new IllegalStateException("cache corrupted");
        }
    }

    private static final class Unsynced extends ForwardingClusterState {
        Unsynced(ClusterState delegate) {
            super(delegate);
        }

        @Override
        public Map<String, Boolean> syncStatus() {
            Map<String, Boolean> status = new LinkedHashMap<>(super.syncStatus());
            status.put("events", false);
            return status;
        }

        @Override
        public boolean synced() {
            return false;
        }
    }

    private static final class WithoutMetrics extends ForwardingClusterState {
        WithoutMetrics(ClusterState delegate) {
            super(delegate);
        }

        @Override
        public MetricsStatus metricsStatus() {
            return MetricsStatus.unavailable("the metrics.k8s.io API is not served by this cluster");
        }
    }
}
