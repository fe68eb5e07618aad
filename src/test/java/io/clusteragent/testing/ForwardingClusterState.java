package io.clusteragent.testing;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.MetricsStatus;
import io.clusteragent.quantity.NodeRequests;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A cluster state that answers every lookup from another one. A test double extends it and overrides,
 * with {@code @Override}, exactly the lookups it changes: renaming or removing a lookup of
 * {@link ClusterState} then fails compilation here and in the double, instead of silently turning its
 * fault off. A lookup added to {@link ClusterState} must be added here too (compilation says so).
 */
public abstract class ForwardingClusterState implements ClusterState {

    private final ClusterState delegate;

    protected ForwardingClusterState(ClusterState delegate) {
        this.delegate = delegate;
    }

    /** The state answering now; a double whose answers move (as informer updates would) overrides this. */
    protected ClusterState delegate() {
        return delegate;
    }

    /** Every read of the cache passes through here, all but {@link #syncStatus()} and {@link #synced()}: a double that breaks every read overrides this. */
    protected <T> T read(Supplier<T> lookup) {
        return lookup.get();
    }

    @Override
    public Optional<Pod> pod(String namespace, String name) {
        return read(() -> delegate().pod(namespace, name));
    }

    @Override
    public List<Pod> podsInNamespace(String namespace) {
        return read(() -> delegate().podsInNamespace(namespace));
    }

    @Override
    public List<Pod> podsOnNode(String nodeName) {
        return read(() -> delegate().podsOnNode(nodeName));
    }

    @Override
    public List<Pod> pods() {
        return read(() -> delegate().pods());
    }

    @Override
    public List<Pod> podsWithRequiredAntiAffinity() {
        return read(() -> delegate().podsWithRequiredAntiAffinity());
    }

    @Override
    public NodeRequests requestedOn(String nodeName) {
        return read(() -> delegate().requestedOn(nodeName));
    }

    @Override
    public Optional<Node> node(String name) {
        return read(() -> delegate().node(name));
    }

    @Override
    public List<Node> nodes() {
        return read(() -> delegate().nodes());
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return read(() -> delegate().namespace(name));
    }

    @Override
    public List<Event> eventsFor(HasMetadata involvedObject) {
        return read(() -> delegate().eventsFor(involvedObject));
    }

    @Override
    public List<Event> events() {
        return read(() -> delegate().events());
    }

    @Override
    public Optional<ReplicaSet> replicaSet(String namespace, String name) {
        return read(() -> delegate().replicaSet(namespace, name));
    }

    @Override
    public Optional<Deployment> deployment(String namespace, String name) {
        return read(() -> delegate().deployment(namespace, name));
    }

    @Override
    public Optional<StatefulSet> statefulSet(String namespace, String name) {
        return read(() -> delegate().statefulSet(namespace, name));
    }

    @Override
    public Optional<DaemonSet> daemonSet(String namespace, String name) {
        return read(() -> delegate().daemonSet(namespace, name));
    }

    @Override
    public Optional<Job> job(String namespace, String name) {
        return read(() -> delegate().job(namespace, name));
    }

    @Override
    public Optional<PersistentVolumeClaim> persistentVolumeClaim(String namespace, String name) {
        return read(() -> delegate().persistentVolumeClaim(namespace, name));
    }

    @Override
    public Optional<PersistentVolume> persistentVolume(String name) {
        return read(() -> delegate().persistentVolume(name));
    }

    @Override
    public MetricsStatus metricsStatus() {
        return read(() -> delegate().metricsStatus());
    }

    @Override
    public Optional<NodeMetrics> nodeMetrics(String nodeName) {
        return read(() -> delegate().nodeMetrics(nodeName));
    }

    @Override
    public Optional<PodMetrics> podMetrics(String namespace, String name) {
        return read(() -> delegate().podMetrics(namespace, name));
    }

    @Override
    public List<PodMetrics> podMetrics() {
        return read(() -> delegate().podMetrics());
    }

    @Override
    public long version() {
        return read(() -> delegate().version());
    }

    @Override
    public long namespaceVersion(String namespace) {
        return read(() -> delegate().namespaceVersion(namespace));
    }

    @Override
    public Map<String, Boolean> syncStatus() {
        return delegate().syncStatus();
    }

    @Override
    public boolean synced() {
        return delegate().synced();
    }
}
