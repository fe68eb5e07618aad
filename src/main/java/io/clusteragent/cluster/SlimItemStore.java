package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/** An informer store that drops the fields no analysis reads before an object is cached. */
final class SlimItemStore<T extends HasMetadata> extends BasicItemStore<T> {

    SlimItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public T put(String key, T object) {
        return super.put(key, CachedObjects.slim(object));
    }
}
