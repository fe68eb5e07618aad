package io.clusteragent.analysis.scheduling;

/**
 * Why a pod cannot be placed on a node, one value per distinct remedy. The first eleven are the
 * categories the API has always returned; the rest name causes that used to fall into Miscellaneous.
 * Constant names are the API values, so they keep their capitalisation.
 */
public enum SchedulingFailureCategory {
    InsufficientCPU("Insufficient CPU resources available on nodes"),
    InsufficientMemory("Insufficient memory resources available on nodes"),
    InsufficientStorage("Insufficient ephemeral storage available on nodes"),
    VolumeAttachmentError("Failed to attach or mount a volume on the node"),
    VolumeMultiAttachError("Volume already attached to or in use on another node (ReadWriteOnce/ReadWriteOncePod)"),
    VolumeNodeAffinityConflict("Persistent volume node affinity (zone/region) doesn't match the node"),
    NodeAffinityNotMatch("Node selector or required node affinity not satisfied"),
    TaintTolerationMismatch("Node taints not tolerated by the pod"),
    PodAffinityConflict("Pod affinity or anti-affinity constraints not satisfied"),
    NodeNotReady("Node is not ready or reports an unhealthy condition"),
    Miscellaneous("Other scheduling constraints not satisfied"),
    UnboundPersistentVolumeClaim("PersistentVolumeClaim is missing, unbound, or bound to a missing volume"),
    InsufficientExtendedResource("Insufficient extended resources (GPUs, hugepages, devices) available on nodes"),
    TooManyPods("Node already runs its maximum number of pods"),
    NodeUnschedulable("Node is cordoned (marked unschedulable)"),
    TopologySpreadConstraint("Pod topology spread constraints not satisfied"),
    PortConflict("Requested host ports already in use on the node"),
    MaxVolumeCount("Node has reached its maximum number of attachable volumes"),
    NoNodesAvailable("The cluster has no nodes the scheduler can use");

    private final String description;

    SchedulingFailureCategory(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * Whether nodes lack room for the pod's requests (kube-scheduler's resource fit): more capacity or
     * smaller requests help, unlike a constraint the pod or the nodes declare.
     */
    public boolean isResourceShortage() {
        return switch (this) {
            case InsufficientCPU, InsufficientMemory, InsufficientStorage, InsufficientExtendedResource, TooManyPods ->
                true;
            default -> false;
        };
    }
}
