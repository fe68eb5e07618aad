package io.clusteragent.cluster;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads a cluster dump as {@code kubectl get ... -o yaml|json} writes it: a {@code v1/List}, a
 * multi-document YAML stream, or single objects, including metrics.k8s.io PodMetrics/NodeMetrics
 * and the NodeMetricsList/PodMetricsList documents {@code kubectl get --raw} prints. The file is
 * streamed, so its size is bounded by the memory the kept objects need, not by a parser limit.
 * Every failure is a {@link SnapshotException} whose message names the file and, where there is
 * one, the place in it.
 */
public final class SnapshotLoader {

    private final ObjectFeed feed;

    public SnapshotLoader() {
        this(ObjectFeed.NONE);
    }

    /**
     * Also tells {@code feed}'s listener of every object of the resources it covers, as it is read
     * (so before the load may still fail on a later object); those the REST API does not read are
     * not kept in the state.
     */
    public SnapshotLoader(ObjectFeed feed) {
        this.feed = feed;
    }

    public InMemoryClusterState load(Path file, Instant loadedAt) {
        SnapshotContents contents = new SnapshotContents(file, feed);
        SnapshotReader.read(file, contents);
        return InMemoryClusterState.of(contents.objects(), loadedAt);
    }
}
