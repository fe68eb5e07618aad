package io.clusteragent.cadvisor;

import java.util.Optional;

/**
 * The container runtimes kubelet names cgroups for ({@code SystemdPathPrefixOfRuntime}), the scheme of their
 * container ids in a pod's status, and the {@code name} label cAdvisor's handler for each gives a container
 * (its first alias).
 */
enum Runtime {
    /** {@code containerd/handler.go}: {@code Aliases: []string{id, name}}. */
    CONTAINERD("cri-containerd", "containerd"),
    /** {@code crio/handler.go}: {@code Aliases: []string{cInfo.Name, id}}, CRI-O's {@code k8s_...} name. */
    CRIO("crio", "cri-o"),
    /** cri-dockerd names containers {@code k8s_...} as dockershim did, and cAdvisor's docker handler uses it. */
    DOCKER("docker", "docker");

    private final String scopePrefix;
    private final String scheme;

    Runtime(String scopePrefix, String scheme) {
        this.scopePrefix = scopePrefix;
        this.scheme = scheme;
    }

    static Optional<Runtime> ofScopePrefix(String prefix) {
        for (Runtime runtime : values()) {
            if (runtime.scopePrefix.equals(prefix)) {
                return Optional.of(runtime);
            }
        }
        return Optional.empty();
    }

    static Optional<Runtime> ofScheme(String scheme) {
        for (Runtime runtime : values()) {
            if (runtime.scheme.equals(scheme)) {
                return Optional.of(runtime);
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code name} label: containerd's is the id; CRI-O's and cri-dockerd's is
     * {@code k8s_<container>_<pod>_<namespace>_<pod uid>_<attempt>}, {@code POD} for the sandbox.
     */
    String alias(String containerId, String container, String pod, String namespace, String uid, int attempt) {
        if (this == CONTAINERD) {
            return containerId;
        }
        return "k8s_" + container + "_" + pod + "_" + namespace + "_" + uid + "_" + attempt;
    }
}
