package io.clusteragent.analysis.namespace;

import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Deployment or StatefulSet that runs a pod; other owners (Jobs, DaemonSets, bare ReplicaSets) and bare pods have none. */
public record WorkloadOwner(String kind, String name) {

    public static final String DEPLOYMENT = "Deployment";
    public static final String STATEFUL_SET = "StatefulSet";
    static final String TEMPLATE_HASH_LABEL = "pod-template-hash";

    public static Optional<WorkloadOwner> of(Pod pod, ClusterState state) {
        OwnerReference controller = controllerOf(pod);
        if (controller == null || controller.getName() == null) {
            return Optional.empty();
        }
        switch (String.valueOf(controller.getKind())) {
            case STATEFUL_SET:
                return Optional.of(new WorkloadOwner(STATEFUL_SET, controller.getName()));
            case "ReplicaSet":
                Optional<ReplicaSet> replicaSet =
                        state.replicaSet(pod.getMetadata().getNamespace(), controller.getName());
                return replicaSet.isPresent()
                        ? deploymentOf(replicaSet.get())
                        : deploymentFromReplicaSetName(pod, controller.getName());
            default:
                return Optional.empty();
        }
    }

    private static Optional<WorkloadOwner> deploymentOf(ReplicaSet replicaSet) {
        OwnerReference owner = controllerOf(replicaSet);
        return owner != null && DEPLOYMENT.equals(owner.getKind()) && owner.getName() != null
                ? Optional.of(new WorkloadOwner(DEPLOYMENT, owner.getName()))
                : Optional.empty();
    }

    /**
     * The cache can see a pod before its ReplicaSet. A Deployment names its ReplicaSets
     * {@code <deployment>-<pod-template-hash>}, so the name alone still tells the Deployment.
     */
    private static Optional<WorkloadOwner> deploymentFromReplicaSetName(Pod pod, String replicaSetName) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        String hash = labels == null ? null : labels.get(TEMPLATE_HASH_LABEL);
        if (hash != null && !hash.isEmpty() && replicaSetName.endsWith("-" + hash)) {
            return Optional.of(new WorkloadOwner(
                    DEPLOYMENT, replicaSetName.substring(0, replicaSetName.length() - hash.length() - 1)));
        }
        int dash = replicaSetName.lastIndexOf('-');
        return dash > 0
                ? Optional.of(new WorkloadOwner(DEPLOYMENT, replicaSetName.substring(0, dash)))
                : Optional.empty();
    }

    /** The reference marked controller; objects written without the flag (hand-made snapshots) fall back to their first owner. */
    private static OwnerReference controllerOf(HasMetadata object) {
        List<OwnerReference> owners =
                object.getMetadata() == null ? null : object.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return null;
        }
        for (OwnerReference owner : owners) {
            if (Boolean.TRUE.equals(owner.getController())) {
                return owner;
            }
        }
        return owners.get(0);
    }
}
