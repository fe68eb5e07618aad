package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters that move whenever the cache changes: one for the whole cluster, one per namespace. An
 * answer computed at version N is still the answer while the version is N, which lets callers keep
 * derived results without ever serving one the cache has moved past.
 */
final class StateVersions {

    private final AtomicLong cluster = new AtomicLong();
    private final Map<String, AtomicLong> namespaces = new ConcurrentHashMap<>();

    long cluster() {
        return cluster.get();
    }

    long namespace(String namespace) {
        AtomicLong version = namespaces.get(namespace);
        return version == null ? 0 : version.get();
    }

    void changed(HasMetadata object) {
        String namespace =
                object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        if (namespace != null && !namespace.isEmpty()) {
            namespaces.computeIfAbsent(namespace, ns -> new AtomicLong()).incrementAndGet();
        }
        cluster.incrementAndGet();
    }

    <T extends HasMetadata> ResourceEventHandler<T> handler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                changed(object);
            }

            @Override
            public void onUpdate(T before, T after) {
                changed(after);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                changed(object);
            }
        };
    }
}
