package io.clusteragent.analysis.scheduling;

import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod's PersistentVolumeClaims, as kube-scheduler's VolumeBinding filter sees them: a missing or
 * unbound claim rejects every node; a bound claim's volume rejects nodes outside its node affinity.
 * An access mode alone rejects nothing: a ReadWriteOnce volume is only a problem once it is attached
 * elsewhere, and the attach/detach controller reports that as a Multi-Attach event.
 */
final class VolumeCheck implements NodeCheck {

    private final List<NodeProblem> everyNode = new ArrayList<>();
    private final List<BoundVolume> boundVolumes = new ArrayList<>();

    VolumeCheck(Pod pod, ClusterState state) {
        String namespace = pod.getMetadata().getNamespace();
        for (Volume volume : pod.getSpec().getVolumes()) {
            claimName(pod, volume).ifPresent(claim -> inspect(namespace, claim, state));
        }
    }

    @Override
    public List<NodeProblem> evaluate(Node node) {
        List<NodeProblem> problems = new ArrayList<>(everyNode);
        for (BoundVolume bound : boundVolumes) {
            if (!NodeSelectorTerms.matchesAny(bound.terms(), node)) {
                problems.add(NodeProblem.of(
                        SchedulingFailureCategory.VolumeNodeAffinityConflict,
                        "PersistentVolume " + bound.volume()
                                + " (claim " + bound.claim() + ") node affinity doesn't match the node: "
                                + String.join("; or ", NodeSelectorTerms.explainMismatch(bound.terms(), node))));
            }
        }
        return problems;
    }

    /** Generic ephemeral volumes are backed by a claim the ephemeral-volume controller names {@code <pod>-<volume>}. */
    private static Optional<String> claimName(Pod pod, Volume volume) {
        if (volume.getPersistentVolumeClaim() != null) {
            return Optional.ofNullable(volume.getPersistentVolumeClaim().getClaimName());
        }
        if (volume.getEphemeral() != null) {
            return Optional.of(pod.getMetadata().getName() + "-" + volume.getName());
        }
        return Optional.empty();
    }

    private void inspect(String namespace, String claimName, ClusterState state) {
        Optional<PersistentVolumeClaim> claim = state.persistentVolumeClaim(namespace, claimName);
        if (claim.isEmpty()) {
            everyNode.add(unbound("persistentvolumeclaim \"" + claimName + "\" not found"));
            return;
        }
        String volumeName =
                claim.get().getSpec() == null ? null : claim.get().getSpec().getVolumeName();
        if (volumeName == null || volumeName.isEmpty()) {
            if (!DelayedBinding.isWaitingForConsumer(claim.get(), state)) {
                everyNode.add(unbound(
                        "PersistentVolumeClaim " + claimName + " is not bound (phase: " + phase(claim.get()) + ")"));
            }
            return;
        }
        Optional<PersistentVolume> volume = state.persistentVolume(volumeName);
        if (volume.isEmpty()) {
            everyNode.add(unbound("PersistentVolumeClaim " + claimName + " is bound to PersistentVolume " + volumeName
                    + ", which does not exist"));
            return;
        }
        var affinity =
                volume.get().getSpec() == null ? null : volume.get().getSpec().getNodeAffinity();
        if (affinity != null && affinity.getRequired() != null) {
            boundVolumes.add(new BoundVolume(
                    claimName, volumeName, affinity.getRequired().getNodeSelectorTerms()));
        }
    }

    private static NodeProblem unbound(String reason) {
        return NodeProblem.of(SchedulingFailureCategory.UnboundPersistentVolumeClaim, reason);
    }

    private static String phase(PersistentVolumeClaim claim) {
        return claim.getStatus() == null || claim.getStatus().getPhase() == null
                ? "unknown"
                : claim.getStatus().getPhase();
    }

    private record BoundVolume(String claim, String volume, List<NodeSelectorTerm> terms) {}
}
