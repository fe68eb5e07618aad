package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Told of every object of the resources it listens to, as the informers (or the snapshot loader) see them.
 * Called from informer threads, never on an event loop; must not block.
 */
public interface ObjectListener {
    /** An object was added or changed (also: every object of the initial list, and after a relist). */
    void upsert(WatchedResource resource, HasMetadata object);

    /** An object is gone. */
    void delete(WatchedResource resource, HasMetadata object);
}
