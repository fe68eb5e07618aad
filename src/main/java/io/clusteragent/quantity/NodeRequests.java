package io.clusteragent.quantity;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the pods bound to a node reserve there, as kube-scheduler's node cache counts it: the
 * effective requests of every pod that is not Succeeded or Failed, and how many such pods there are.
 *
 * @param requested amounts in scheduler units, by resource name
 */
public record NodeRequests(Map<String, Long> requested, int pods) {

    public static NodeRequests of(Collection<Pod> podsOnNode) {
        Map<String, Long> requested = new TreeMap<>();
        int pods = 0;
        for (Pod pod : podsOnNode) {
            if (holdsResources(pod)) {
                PodRequests.requests(pod).forEach((resource, amount) -> requested.merge(resource, amount, Long::sum));
                pods++;
            }
        }
        return new NodeRequests(Map.copyOf(requested), pods);
    }

    /** The scheduler forgets Succeeded and Failed pods: they hold nothing. */
    public static boolean holdsResources(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    /** These totals without {@code pod}, for judging a pod against the node it is already bound to. */
    public NodeRequests without(Pod pod) {
        if (!holdsResources(pod)) {
            return this;
        }
        Map<String, Long> remaining = new TreeMap<>(requested);
        PodRequests.requests(pod).forEach((resource, amount) -> remaining.merge(resource, -amount, Long::sum));
        return new NodeRequests(remaining, Math.max(0, pods - 1));
    }

    public long requested(String resource) {
        return requested.getOrDefault(resource, 0L);
    }
}
