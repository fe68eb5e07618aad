package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/** Hands one resource's informer events to the listener, which does its own (non-blocking) work. */
record ListenerHandler<T extends HasMetadata>(WatchedResource resource, ObjectListener listener)
        implements ResourceEventHandler<T> {

    @Override
    public void onAdd(T object) {
        listener.upsert(resource, object);
    }

    @Override
    public void onUpdate(T before, T after) {
        listener.upsert(resource, after);
    }

    @Override
    public void onDelete(T object, boolean finalStateUnknown) {
        listener.delete(resource, object);
    }
}
