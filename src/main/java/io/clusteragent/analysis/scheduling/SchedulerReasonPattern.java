package io.clusteragent.analysis.scheduling;

import java.util.regex.Pattern;

import static io.clusteragent.analysis.scheduling.SchedulingFailureCategory.*;

/**
 * The one table from a kube-scheduler filter reason (the text after the node count in a
 * FailedScheduling message, e.g. {@code Insufficient cpu}) to a category. Rows are tried in order
 * and the first match wins, so specific taints come before the generic taint row. It covers the
 * wordings of kube-scheduler 1.19 through 1.31; node evaluation phrases its findings the same way
 * so both sources land in the same category.
 */
public enum SchedulerReasonPattern {
    NO_NODES("^no nodes available to schedule pods", NoNodesAvailable),
    NOT_READY_TAINT(
            "taint.*\\{node\\.kubernetes\\.io/(not-ready|unreachable|network-unavailable"
                    + "|memory-pressure|disk-pressure|pid-pressure)[:}]",
            NodeNotReady),
    NOT_READY(
            "node\\(s\\) (were )?not ready|node\\(s\\) had (memory|disk|pid) pressure|node\\(s\\) were out of disk",
            NodeNotReady),
    UNSCHEDULABLE_TAINT("taint.*\\{node\\.kubernetes\\.io/unschedulable[:}]", NodeUnschedulable),
    UNSCHEDULABLE("node\\(s\\) were unschedulable", NodeUnschedulable),
    TAINT("had (untolerated )?taints?\\b|untolerated taint", TaintTolerationMismatch),
    VOLUME_NODE_AFFINITY(
            "volume node affinity conflict|persistentvolume's node affinity|no available volume zone",
            VolumeNodeAffinityConflict),
    NODE_AFFINITY(
            "didn't match (pod's )?node (affinity|selector)|didn't match the requested node name",
            NodeAffinityNotMatch),
    UNBOUND_CLAIM(
            "unbound immediate persistentvolumeclaims|persistentvolumeclaim \"[^\"]*\" (not found|is being deleted)"
                    + "|didn't find available persistent volumes to bind|bound to non-existent pv|binding volumes",
            UnboundPersistentVolumeClaim),
    VOLUME_IN_USE("no available disk|readwriteoncepod", VolumeMultiAttachError),
    MAX_VOLUMES("max volume count", MaxVolumeCount),
    CPU("^insufficient cpu$", InsufficientCPU),
    MEMORY("^insufficient memory$", InsufficientMemory),
    EPHEMERAL_STORAGE("^insufficient (ephemeral-)?storage$", InsufficientStorage),
    EXTENDED_RESOURCE("^insufficient \\S+$|cannot allocate all claims", InsufficientExtendedResource),
    TOO_MANY_PODS("^too many pods", TooManyPods),
    POD_AFFINITY("pod (anti-)?affinity|anti-affinity rules", PodAffinityConflict),
    TOPOLOGY_SPREAD("topology spread constraints", TopologySpreadConstraint),
    HOST_PORTS("free ports", PortConflict);

    private final Pattern pattern;
    private final SchedulingFailureCategory category;

    SchedulerReasonPattern(String regex, SchedulingFailureCategory category) {
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        this.category = category;
    }

    /** The category of one filter reason; Miscellaneous when no row knows it. */
    public static SchedulingFailureCategory categoryOf(String reason) {
        String text = reason.strip();
        for (SchedulerReasonPattern row : values()) {
            if (row.pattern.matcher(text).find()) {
                return row.category;
            }
        }
        return Miscellaneous;
    }

    public SchedulingFailureCategory category() {
        return category;
    }
}
