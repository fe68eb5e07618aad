package io.clusteragent.kubestate;

/** Kubernetes metric stability levels as kube-state-metrics uses them; STABLE prefixes the help with {@code [STABLE] }. */
public enum Stability {
    STABLE,
    ALPHA
}
