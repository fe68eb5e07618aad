package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.util.Optional;

/**
 * How much of the cluster the informers watch: all of it, or one node and the pods bound to it (an
 * agent per node). The narrowing is a field selector on the list and watch, as kube-state-metrics'
 * {@code --node} does, so the API server never sends the other nodes' objects at all.
 */
public record WatchScope(Optional<String> node) {

    public static final WatchScope CLUSTER = new WatchScope(Optional.empty());

    public static WatchScope of(Optional<String> node) {
        return node.isPresent() ? new WatchScope(node) : CLUSTER;
    }

    <T extends HasMetadata> FilterWatchListDeletable<T, ?, Resource<T>> narrow(
            WatchedResource resource, FilterWatchListDeletable<T, ?, Resource<T>> all) {
        if (node.isEmpty()) {
            return all;
        }
        return switch (resource) {
            case PODS -> all.withField("spec.nodeName", node.get());
            case NODES -> all.withField("metadata.name", node.get());
            default -> all;
        };
    }
}
