package io.clusteragent.detect;

import io.clusteragent.analysis.namespace.WorkloadOwner;
import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.Locale;

/**
 * What a finding is about, as the Agent Service names it.
 *
 * @param namespace null for cluster-scoped objects (nodes)
 * @param resource  {@code pod/<name>}, {@code node/<name>}, or {@code <kind>/<name>} for other objects
 * @param node      the node the pod runs on or the node itself; null when unknown
 * @param owner     {@code Deployment/web} or {@code StatefulSet/db}; null for other owners and bare pods
 */
public record Subject(String namespace, String resource, String node, String owner) {

    public static Subject pod(Pod pod, ClusterState state) {
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        String owner =
                WorkloadOwner.of(pod, state).map(o -> o.kind() + "/" + o.name()).orElse(null);
        return new Subject(
                pod.getMetadata().getNamespace(), "pod/" + pod.getMetadata().getName(), node, owner);
    }

    /** A pod the cache does not hold (yet): metrics and events can name a pod before or after its object is cached. */
    public static Subject uncachedPod(String namespace, String name) {
        return new Subject(namespace, "pod/" + name, null, null);
    }

    public static Subject node(String name) {
        return new Subject(null, "node/" + name, name, null);
    }

    public static Subject object(String kind, String namespace, String name) {
        return new Subject(namespace, kind.toLowerCase(Locale.ROOT) + "/" + name, null, null);
    }
}
