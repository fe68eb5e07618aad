package io.clusteragent.analysis.scheduling;

import io.clusteragent.analysis.events.ObservedEvent;
import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;

/**
 * Whether an unbound claim is unbound on purpose: with volumeBindingMode WaitForFirstConsumer the claim
 * stays Pending until the scheduler picks a node for its pod, so being unbound is not the reason the
 * pod is pending. The StorageClass is not in the cluster state; the claim shows the mode instead, by
 * the PV controller's WaitForFirstConsumer event or by the node the scheduler already selected.
 */
final class DelayedBinding {

    static final String SELECTED_NODE_ANNOTATION = "volume.kubernetes.io/selected-node";
    static final String WAIT_FOR_FIRST_CONSUMER = "WaitForFirstConsumer";

    private DelayedBinding() {}

    static boolean isWaitingForConsumer(PersistentVolumeClaim claim, ClusterState state) {
        var annotations = claim.getMetadata().getAnnotations();
        if (annotations != null && annotations.containsKey(SELECTED_NODE_ANNOTATION)) {
            return true;
        }
        return state.eventsFor(claim).stream()
                .map(ObservedEvent::of)
                .anyMatch(e -> WAIT_FOR_FIRST_CONSUMER.equals(e.reason()));
    }
}
