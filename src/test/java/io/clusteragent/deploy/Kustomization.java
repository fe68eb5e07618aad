package io.clusteragent.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every kustomization users can apply: the base and its overlays, and the base with each optional component. */
enum Kustomization {
    BASE("deployments/base"),
    DEVELOPMENT("deployments/overlays/development"),
    PRODUCTION("deployments/overlays/production"),
    DAEMONSET("deployments/overlays/daemonset"),
    SHARDED("deployments/overlays/sharded"),
    /** components/kube-state-secrets on the base, as a user's overlay adds it. */
    WITH_KUBE_STATE_SECRETS("src/test/resources/deploy/with-kube-state-secrets");

    /** Rendering takes a process start; each kustomization is rendered once per test run. */
    private static final Map<Kustomization, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final Path dir;

    Kustomization(String dir) {
        this.dir = Path.of(dir);
    }

    Path dir() {
        return dir;
    }

    /** The rendered objects; a fresh copy each call, so a test may change it. */
    Manifests render() {
        return RENDERED.computeIfAbsent(this, k -> Manifests.parse(Kubectl.kustomize(k.dir)))
                .copy();
    }
}
