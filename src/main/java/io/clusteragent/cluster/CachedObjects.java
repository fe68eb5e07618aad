package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** What the cache keeps of an object: everything the agent reads, nothing it never does. */
final class CachedObjects {

    private CachedObjects() {}

    /** managedFields is often the largest part of an object and no analysis reads it. */
    static <T extends HasMetadata> T slim(T object) {
        if (object.getMetadata() != null) {
            object.getMetadata().setManagedFields(null);
        }
        return object;
    }
}
