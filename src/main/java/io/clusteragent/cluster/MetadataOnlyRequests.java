package io.clusteragent.cluster;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.util.List;
import java.util.stream.Stream;

/**
 * Asks the API server for the metadata alone ({@code PartialObjectMetadata}) when the informers list
 * and watch a resource whose content the agent must never hold: the values of Secrets are then never
 * sent to it. fabric8 7.8 can list and get as PartialObjectMetadata but has no such informer, so the
 * informer's own list and watch requests get the Accept header here. No plain JSON fallback is
 * offered: an API server that cannot answer with metadata alone answers 406 rather than with values.
 */
final class MetadataOnlyRequests implements Interceptor {

    /** The name it is installed under in the fabric8 HTTP client. */
    static final String NAME = "cluster-agent-metadata-only";

    static final String LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";
    static final String WATCH = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";

    private final List<String> collections = Stream.of(WatchedResource.values())
            .filter(WatchedResource::metadataOnly)
            .map(WatchedResource::collectionPath)
            .toList();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String path = request.uri().getPath();
        if (path != null && collections.stream().anyMatch(path::endsWith)) {
            builder.setHeader("Accept", WatchConnections.isWatch(request.uri()) ? WATCH : LIST);
        }
    }
}
