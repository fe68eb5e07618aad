package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

/** What the cache keeps of an object: everything the agent reads, nothing it never does. */
final class CachedObjects {

    private CachedObjects() {}

    /**
     * managedFields is often the largest part of an object and no analysis reads it. A ConfigMap is
     * read for its metadata only, and its data can be megabytes. A Secret is requested as metadata
     * only; should an API server (or a dump) carry its values all the same, they go here, before any
     * listener or lookup sees the object.
     */
    static <T extends HasMetadata> T slim(T object) {
        if (object.getMetadata() != null) {
            object.getMetadata().setManagedFields(null);
        }
        if (object instanceof Secret secret) {
            secret.setData(null);
            secret.setStringData(null);
            // Read as PartialObjectMetadata, it says so; it is a Secret all the same.
            secret.setKind("Secret");
            secret.setApiVersion("v1");
        } else if (object instanceof ConfigMap configMap) {
            configMap.setData(null);
            configMap.setBinaryData(null);
        }
        return object;
    }
}
