package io.clusteragent.cluster;

import io.clusteragent.quantity.NodeRequests;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Per-node request totals, computed on first use and kept until a pod on that node changes. Without
 * it every scheduling question would re-add the requests of every pod in the cluster.
 *
 * <p>A total remembers the node's version it was computed from; a pod change bumps the version, so a
 * total computed concurrently with a change is simply recomputed on the next read.
 */
final class NodeRequestsMemo {

    private record Entry(long version, NodeRequests totals) {}

    private final Function<String, List<Pod>> podsOnNode;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, Entry> totals = new ConcurrentHashMap<>();

    NodeRequestsMemo(Function<String, List<Pod>> podsOnNode) {
        this.podsOnNode = podsOnNode;
    }

    NodeRequests get(String nodeName) {
        long version = versions.getOrDefault(nodeName, 0L);
        Entry entry = totals.get(nodeName);
        if (entry != null && entry.version() == version) {
            return entry.totals();
        }
        NodeRequests computed = NodeRequests.of(podsOnNode.apply(nodeName));
        totals.put(nodeName, new Entry(version, computed));
        return computed;
    }

    /** A pod bound to {@code nodeName} was added, changed or removed. */
    void invalidate(String nodeName) {
        if (nodeName != null && !nodeName.isEmpty()) {
            versions.merge(nodeName, 1L, Long::sum);
        }
    }
}
