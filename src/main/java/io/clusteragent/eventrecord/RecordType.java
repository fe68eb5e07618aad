package io.clusteragent.eventrecord;

/** What a record on the events topic stands for; the constant names are the values written. */
public enum RecordType {
    /** Occurrences of one Kubernetes Event. */
    event,
    /** Occurrences an edge rate limit held back, counted instead of sent one by one. */
    summary,
    /** Sent by every agent on a fixed period so that windows close on partitions without events. */
    heartbeat
}
