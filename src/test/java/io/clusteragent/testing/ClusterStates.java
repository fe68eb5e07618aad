package io.clusteragent.testing;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.MetricsStatus;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Cluster states that misbehave in one way, to drive the API's error responses. */
public final class ClusterStates {

    private static final String SYNC_STATUS = "syncStatus";
    private static final String SYNCED = "synced";

    private ClusterStates() {
    }

    /**
     * Looking up the pod, node or namespace a request names takes {@code millis}: an analysis that
     * overruns its budget. Only those first lookups are slow, so the worker thread is not held for long
     * once the request has been answered.
     */
    public static ClusterState slow(ClusterState delegate, long millis) {
        return wrap(delegate, (method, args) -> {
            if (Set.of("pod", "node", "namespace").contains(method.getName())) {
                Thread.sleep(millis);
            }
            return method.invoke(delegate, args);
        });
    }

    /** Every read of all pods takes {@code millis}: a detection cycle that is surely still running a moment later. */
    public static ClusterState slowPods(ClusterState delegate, long millis) {
        return wrap(delegate, (method, args) -> {
            if (method.getName().equals("pods")) {
                Thread.sleep(millis);
            }
            return method.invoke(delegate, args);
        });
    }

    /** Every lookup but the sync status throws: a broken cache. */
    public static ClusterState failing(ClusterState delegate) {
        return wrap(delegate, (method, args) -> {
            if (!method.getName().equals(SYNC_STATUS) && !method.getName().equals(SYNCED)) {
                throw new IllegalStateException("cache corrupted");
            }
            return method.invoke(delegate, args);
        });
    }

    /** The events cache has not synced yet, so the agent is not ready. */
    public static ClusterState unsynced(ClusterState delegate) {
        return wrap(delegate, (method, args) -> {
            if (method.getName().equals(SYNCED)) {
                return false;
            }
            if (method.getName().equals(SYNC_STATUS)) {
                Map<String, Boolean> status = new LinkedHashMap<>(delegate.syncStatus());
                status.put("events", false);
                return status;
            }
            return method.invoke(delegate, args);
        });
    }

    /** The metrics.k8s.io API is not served. */
    public static ClusterState withoutMetrics(ClusterState delegate) {
        return wrap(delegate, (method, args) -> {
            if (method.getName().equals("metricsStatus")) {
                return MetricsStatus.unavailable("the metrics.k8s.io API is not served by this cluster");
            }
            return method.invoke(delegate, args);
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static ClusterState wrap(ClusterState delegate, Call call) {
        return (ClusterState) Proxy.newProxyInstance(ClusterState.class.getClassLoader(), new Class<?>[] {ClusterState.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(delegate, args);
                    }
                    try {
                        return call.invoke(method, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
