package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * kube-state-metrics' automatic sharding: a pod of a StatefulSet is the shard of its ordinal (the
 * name's suffix after the StatefulSet's name and a dash), and there are as many shards as the
 * StatefulSet has replicas (1 when unset). Read once, at start: scaling the StatefulSet rolls no pod,
 * so the shards learn the new count when they restart.
 */
final class StatefulSetShard {

    private StatefulSetShard() {}

    /** Blocks on two API reads. */
    static ShardAssignment read(KubernetesClient client, String namespace, String podName) {
        Pod pod = client.pods().inNamespace(namespace).withName(podName).get();
        if (pod == null) {
            throw new IllegalStateException("cannot shard from a StatefulSet: pod " + namespace + "/" + podName
                    + " does not exist (is the agent running as that pod?)");
        }
        String owner = pod.getMetadata().getOwnerReferences().stream()
                .filter(reference -> "StatefulSet".equals(reference.getKind()))
                .map(OwnerReference::getName)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "cannot shard from a StatefulSet: pod " + namespace + "/" + podName + " is not owned by one"));
        StatefulSet statefulSet = client.apps()
                .statefulSets()
                .inNamespace(namespace)
                .withName(owner)
                .get();
        if (statefulSet == null) {
            throw new IllegalStateException("cannot shard from a StatefulSet: StatefulSet " + namespace + "/" + owner
                    + ", the owner of pod " + podName + ", does not exist");
        }
        Integer replicas =
                statefulSet.getSpec() == null ? null : statefulSet.getSpec().getReplicas();
        return new ShardAssignment(ordinal(owner, podName), replicas == null ? 1 : replicas);
    }

    private static int ordinal(String statefulSet, String podName) {
        String prefix = statefulSet + "-";
        try {
            if (!podName.startsWith(prefix)) {
                throw new NumberFormatException(podName);
            }
            return Integer.parseInt(podName.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "cannot shard from a StatefulSet: pod " + podName + " is not named " + prefix
                            + "<ordinal>, as the pods of StatefulSet " + statefulSet + " are",
                    e);
        }
    }
}
