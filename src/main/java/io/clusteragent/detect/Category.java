package io.clusteragent.detect;

/** Who owns an incident, so that consumers can route it; the constant names are the values published. */
public enum Category {
    /** The cluster's own components: system namespaces and nodes. */
    Platform,
    /** Workloads of the cluster's users. */
    Customer
}
