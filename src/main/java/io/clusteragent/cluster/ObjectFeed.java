package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which resources an {@link ObjectListener} is told about. The resources it covers that the REST API
 * does not read are watched (or kept from a dump) only for it.
 */
public record ObjectFeed(Set<WatchedResource> resources, ObjectListener listener) {

    /** No listener: the agent watches what its API and detectors read, as without kube-state metrics. */
    public static final ObjectFeed NONE = new ObjectFeed(Set.of(), new ObjectListener() {
        @Override
        public void upsert(WatchedResource resource, HasMetadata object) {}

        @Override
        public void delete(WatchedResource resource, HasMetadata object) {}
    });

    public ObjectFeed {
        resources = Collections.unmodifiableSet(
                resources.isEmpty() ? EnumSet.noneOf(WatchedResource.class) : EnumSet.copyOf(resources));
    }

    /**
     * The feed of kube-state metrics: the resources {@code KUBE_STATE_RESOURCES} names (already
     * checked against the kube-state names when the configuration was read).
     */
    public static ObjectFeed kubeState(Collection<String> names, ObjectListener listener) {
        EnumSet<WatchedResource> resources = EnumSet.noneOf(WatchedResource.class);
        for (String name : names) {
            resources.add(WatchedResource.kubeState(name)
                    .orElseThrow(() -> new IllegalArgumentException("not a kube-state resource: " + name)));
        }
        return new ObjectFeed(resources, listener);
    }

    /** This feed and {@code other}: each listener is told of the resources its own feed covers. */
    public ObjectFeed and(ObjectFeed other) {
        EnumSet<WatchedResource> both = EnumSet.noneOf(WatchedResource.class);
        both.addAll(resources);
        both.addAll(other.resources);
        List<ObjectFeed> feeds = List.of(this, other);
        return new ObjectFeed(both, new ObjectListener() {
            @Override
            public void upsert(WatchedResource resource, HasMetadata object) {
                feeds.stream().filter(f -> f.covers(resource)).forEach(f -> f.listener.upsert(resource, object));
            }

            @Override
            public void delete(WatchedResource resource, HasMetadata object) {
                feeds.stream().filter(f -> f.covers(resource)).forEach(f -> f.listener.delete(resource, object));
            }
        });
    }

    boolean covers(WatchedResource resource) {
        return resources.contains(resource);
    }

    /** What a live agent or a dump needs: what the API reads, and what the listener is told of. */
    Set<WatchedResource> needed() {
        EnumSet<WatchedResource> needed = EnumSet.copyOf(WatchedResource.alwaysWatched());
        needed.addAll(resources);
        return needed;
    }
}
