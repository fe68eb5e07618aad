package io.clusteragent.cluster;

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
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The live cluster state: one fabric8 {@link SharedIndexInformer} per {@link WatchedResource} the
 * API reads or the {@link ObjectFeed} covers, all namespaces, no resync. Lookups read the informers'
 * stores and indexes only. A resource has one informer whoever reads it: the feed's listener is one
 * more handler on it.
 */
public final class InformerClusterState implements ClusterState, AutoCloseable {

    private final Map<WatchedResource, SharedIndexInformer<? extends HasMetadata>> informers =
            new EnumMap<>(WatchedResource.class);
    private final Map<WatchedResource, WatchHealth> health = new EnumMap<>(WatchedResource.class);
    private final WatchHealth[] healthChecks;
    private final MetricsCache metrics;
    private final NodeRequestsMemo nodeRequests = new NodeRequestsMemo(this::podsOnNode);
    private final StateVersions versions = new StateVersions();

    /**
     * @param connections what the client's interceptor sees of each resource's requests
     * @param watchGrace  how long a watch may be down before its resource counts as not synced
     * @param feed        the resources whose every object a listener is told of
     * @param scope       all of the cluster, or one node and its pods
     */
    InformerClusterState(
            KubernetesClient client,
            MetricsCache metrics,
            WatchConnections connections,
            Duration watchGrace,
            ObjectFeed feed,
            WatchScope scope) {
        this.metrics = metrics;
        for (WatchedResource resource : feed.needed()) {
            SharedIndexInformer<? extends HasMetadata> informer = createInformer(client, resource, scope);
            WatchHealth check = new WatchHealth(
                    resource.plural(), informer, connections.channel(resource), watchGrace, System::nanoTime);
            informers.put(resource, informer.exceptionHandler(check::retryAfter).addEventHandler(versions.handler()));
            health.put(resource, check);
            if (feed.covers(resource)) {
                informer.addEventHandler(new ListenerHandler<>(resource, feed.listener()));
            }
        }
        healthChecks = health.values().toArray(WatchHealth[]::new);
        informer(Pod.class, WatchedResource.PODS)
                .addIndexers(ClusterIndexes.podIndexers())
                .addEventHandler(new NodeTotalsInvalidator(nodeRequests));
        informer(Event.class, WatchedResource.EVENTS).addIndexers(ClusterIndexes.eventIndexers());
    }

    /** Starts every informer; completes once all have listed and are watching, fails with the first that cannot start. */
    public CompletionStage<Void> start() {
        CompletableFuture<?>[] started = informers.values().stream()
                .map(informer -> informer.start().toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(started);
    }

    @Override
    public long version() {
        return versions.cluster() + metrics.refreshes();
    }

    @Override
    public long namespaceVersion(String namespace) {
        return versions.namespace(namespace);
    }

    @Override
    public Map<String, Boolean> syncStatus() {
        Map<String, Boolean> status = new LinkedHashMap<>();
        health.forEach((resource, check) -> status.put(resource.plural(), check.ready()));
        return status;
    }

    /** Read on every API request: a loop over an array, no allocation of our own. */
    @Override
    public boolean synced() {
        boolean synced = true;
        for (WatchHealth check : healthChecks) {
            // every check runs, so each one notices its watch going down at the same moment
            synced &= check.ready();
        }
        return synced;
    }

    @Override
    public void close() {
        informers.values().forEach(SharedIndexInformer::close);
    }

    @Override
    public Optional<Pod> pod(String namespace, String name) {
        return get(Pod.class, WatchedResource.PODS, namespace, name);
    }

    @Override
    public List<Pod> podsInNamespace(String namespace) {
        return informer(Pod.class, WatchedResource.PODS)
                .getIndexer()
                .byIndex(ClusterIndexes.PODS_BY_NAMESPACE, namespace);
    }

    @Override
    public List<Pod> podsOnNode(String nodeName) {
        return informer(Pod.class, WatchedResource.PODS).getIndexer().byIndex(ClusterIndexes.PODS_BY_NODE, nodeName);
    }

    @Override
    public List<Pod> pods() {
        return list(Pod.class, WatchedResource.PODS);
    }

    @Override
    public List<Pod> podsWithRequiredAntiAffinity() {
        return informer(Pod.class, WatchedResource.PODS)
                .getIndexer()
                .byIndex(ClusterIndexes.PODS_WITH_REQUIRED_ANTI_AFFINITY, ClusterIndexes.ANY);
    }

    @Override
    public NodeRequests requestedOn(String nodeName) {
        return nodeRequests.get(nodeName);
    }

    @Override
    public Optional<Node> node(String name) {
        return get(Node.class, WatchedResource.NODES, null, name);
    }

    @Override
    public List<Node> nodes() {
        return list(Node.class, WatchedResource.NODES);
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return get(Namespace.class, WatchedResource.NAMESPACES, null, name);
    }

    @Override
    public List<Event> eventsFor(HasMetadata involvedObject) {
        return informer(Event.class, WatchedResource.EVENTS)
                .getIndexer()
                .byIndex(ClusterIndexes.EVENTS_BY_INVOLVED_OBJECT, ClusterIndexes.involvedObjectKey(involvedObject))
                .stream()
                .filter(event -> ClusterIndexes.sameIncarnation(event, involvedObject))
                .toList();
    }

    @Override
    public List<Event> events() {
        return list(Event.class, WatchedResource.EVENTS);
    }

    @Override
    public Optional<ReplicaSet> replicaSet(String namespace, String name) {
        return get(ReplicaSet.class, WatchedResource.REPLICA_SETS, namespace, name);
    }

    @Override
    public Optional<Deployment> deployment(String namespace, String name) {
        return get(Deployment.class, WatchedResource.DEPLOYMENTS, namespace, name);
    }

    @Override
    public Optional<StatefulSet> statefulSet(String namespace, String name) {
        return get(StatefulSet.class, WatchedResource.STATEFUL_SETS, namespace, name);
    }

    @Override
    public Optional<DaemonSet> daemonSet(String namespace, String name) {
        return get(DaemonSet.class, WatchedResource.DAEMON_SETS, namespace, name);
    }

    @Override
    public Optional<Job> job(String namespace, String name) {
        return get(Job.class, WatchedResource.JOBS, namespace, name);
    }

    @Override
    public Optional<PersistentVolumeClaim> persistentVolumeClaim(String namespace, String name) {
        return get(PersistentVolumeClaim.class, WatchedResource.PERSISTENT_VOLUME_CLAIMS, namespace, name);
    }

    @Override
    public Optional<PersistentVolume> persistentVolume(String name) {
        return get(PersistentVolume.class, WatchedResource.PERSISTENT_VOLUMES, null, name);
    }

    @Override
    public MetricsStatus metricsStatus() {
        return metrics.status();
    }

    @Override
    public Optional<NodeMetrics> nodeMetrics(String nodeName) {
        return metrics.node(nodeName);
    }

    @Override
    public Optional<PodMetrics> podMetrics(String namespace, String name) {
        return metrics.pod(namespace, name);
    }

    @Override
    public List<PodMetrics> podMetrics() {
        return metrics.pods();
    }

    private static SharedIndexInformer<? extends HasMetadata> createInformer(
            KubernetesClient client, WatchedResource resource, WatchScope scope) {
        return scope.narrow(resource, client.resources(resource.type()).inAnyNamespace())
                .runnableInformer(0)
                .itemStore(new SlimItemStore<>());
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> SharedIndexInformer<T> informer(Class<T> type, WatchedResource resource) {
        return (SharedIndexInformer<T>) informers.get(resource);
    }

    private <T extends HasMetadata> Optional<T> get(
            Class<T> type, WatchedResource resource, String namespace, String name) {
        return Optional.ofNullable(
                informer(type, resource).getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
    }

    private <T extends HasMetadata> List<T> list(Class<T> type, WatchedResource resource) {
        return informer(type, resource).getStore().list();
    }

    /** Only marks node totals stale; the work of recomputing happens on the next read, not on the informer's thread. */
    private record NodeTotalsInvalidator(NodeRequestsMemo memo) implements ResourceEventHandler<Pod> {

        @Override
        public void onAdd(Pod pod) {
            memo.invalidate(nodeOf(pod));
        }

        @Override
        public void onUpdate(Pod before, Pod after) {
            memo.invalidate(nodeOf(before));
            memo.invalidate(nodeOf(after));
        }

        @Override
        public void onDelete(Pod pod, boolean finalStateUnknown) {
            memo.invalidate(nodeOf(pod));
        }

        private static String nodeOf(Pod pod) {
            return pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        }
    }
}
