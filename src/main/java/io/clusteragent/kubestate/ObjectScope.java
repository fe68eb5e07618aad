package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.List;
import java.util.Set;

/**
 * Which objects are rendered at all: those of this replica's {@link Shard} and, for namespaced objects, of the
 * namespaces {@code NAMESPACES} / {@code NAMESPACES_DENYLIST} admit. kube-state-metrics applies the namespaces as
 * list/watch selectors of namespaced resources only, so cluster-scoped objects are always in scope.
 */
record ObjectScope(Shard shard, Set<String> namespaces, Set<String> deniedNamespaces) {

    static ObjectScope of(Shard shard, List<String> namespaces, List<String> deniedNamespaces) {
        return new ObjectScope(shard, Set.copyOf(namespaces), Set.copyOf(deniedNamespaces));
    }

    static ObjectScope everything() {
        return of(new Shard(0, 1), List.of(), List.of());
    }

    boolean includes(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        if (meta == null || !shard.owns(meta.getUid())) {
            return false;
        }
        String namespace = meta.getNamespace();
        if (namespace == null || namespace.isEmpty()) {
            return true;
        }
        return (namespaces.isEmpty() || namespaces.contains(namespace)) && !deniedNamespaces.contains(namespace);
    }
}
