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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable cluster state built from a fixed set of objects: a snapshot file, or a test fixture.
 * Indexes are computed once, with the same functions the live informers use.
 */
public final class InMemoryClusterState implements ClusterState {

    private final Map<Class<?>, Map<Key, HasMetadata>> byKind = new HashMap<>();
    private final Map<String, List<Pod>> podsByNamespace;
    private final Map<String, List<Pod>> podsByNode;
    private final Map<String, List<Event>> eventsByInvolvedObject;
    private final List<Pod> podsWithRequiredAntiAffinity;
    private final MetricsStatus metricsStatus;
    private final NodeRequestsMemo nodeRequests = new NodeRequestsMemo(this::podsOnNode);

    private InMemoryClusterState(Collection<? extends HasMetadata> objects, Instant loadedAt) {
        for (HasMetadata object : objects) {
            CachedObjects.slim(object);
            byKind.computeIfAbsent(object.getClass(), k -> new LinkedHashMap<>())
                    .put(key(object), object);
        }
        List<Pod> pods = all(Pod.class);
        podsByNamespace = index(pods, ClusterIndexes.podIndexers().get(ClusterIndexes.PODS_BY_NAMESPACE));
        podsByNode = index(pods, ClusterIndexes.podIndexers().get(ClusterIndexes.PODS_BY_NODE));
        podsWithRequiredAntiAffinity = index(
                        pods, ClusterIndexes.podIndexers().get(ClusterIndexes.PODS_WITH_REQUIRED_ANTI_AFFINITY))
                .getOrDefault(ClusterIndexes.ANY, List.of());
        eventsByInvolvedObject =
                index(all(Event.class), ClusterIndexes.eventIndexers().get(ClusterIndexes.EVENTS_BY_INVOLVED_OBJECT));
        boolean hasMetrics = byKind.containsKey(NodeMetrics.class) || byKind.containsKey(PodMetrics.class);
        metricsStatus = hasMetrics
                ? MetricsStatus.availableAt(loadedAt)
                : MetricsStatus.unavailable(
                        "the cluster snapshot contains no metrics.k8s.io NodeMetrics or PodMetrics");
    }

    public static InMemoryClusterState of(Collection<? extends HasMetadata> objects, Instant loadedAt) {
        return new InMemoryClusterState(objects, loadedAt);
    }

    public static InMemoryClusterState of(HasMetadata... objects) {
        return new InMemoryClusterState(List.of(objects), Instant.EPOCH);
    }

    @Override
    public Optional<Pod> pod(String namespace, String name) {
        return get(Pod.class, namespace, name);
    }

    @Override
    public List<Pod> podsInNamespace(String namespace) {
        return podsByNamespace.getOrDefault(namespace, List.of());
    }

    @Override
    public List<Pod> podsOnNode(String nodeName) {
        return podsByNode.getOrDefault(nodeName, List.of());
    }

    @Override
    public List<Pod> pods() {
        return all(Pod.class);
    }

    @Override
    public List<Pod> podsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinity;
    }

    @Override
    public NodeRequests requestedOn(String nodeName) {
        return nodeRequests.get(nodeName);
    }

    @Override
    public Optional<Node> node(String name) {
        return get(Node.class, null, name);
    }

    @Override
    public List<Node> nodes() {
        return all(Node.class);
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return get(Namespace.class, null, name);
    }

    @Override
    public List<Event> eventsFor(HasMetadata involvedObject) {
        return eventsByInvolvedObject.getOrDefault(ClusterIndexes.involvedObjectKey(involvedObject), List.of()).stream()
                .filter(event -> ClusterIndexes.sameIncarnation(event, involvedObject))
                .toList();
    }

    @Override
    public List<Event> events() {
        return all(Event.class);
    }

    @Override
    public Optional<ReplicaSet> replicaSet(String namespace, String name) {
        return get(ReplicaSet.class, namespace, name);
    }

    @Override
    public Optional<Deployment> deployment(String namespace, String name) {
        return get(Deployment.class, namespace, name);
    }

    @Override
    public Optional<StatefulSet> statefulSet(String namespace, String name) {
        return get(StatefulSet.class, namespace, name);
    }

    @Override
    public Optional<DaemonSet> daemonSet(String namespace, String name) {
        return get(DaemonSet.class, namespace, name);
    }

    @Override
    public Optional<Job> job(String namespace, String name) {
        return get(Job.class, namespace, name);
    }

    @Override
    public Optional<PersistentVolumeClaim> persistentVolumeClaim(String namespace, String name) {
        return get(PersistentVolumeClaim.class, namespace, name);
    }

    @Override
    public Optional<PersistentVolume> persistentVolume(String name) {
        return get(PersistentVolume.class, null, name);
    }

    @Override
    public MetricsStatus metricsStatus() {
        return metricsStatus;
    }

    @Override
    public Optional<NodeMetrics> nodeMetrics(String nodeName) {
        return get(NodeMetrics.class, null, nodeName);
    }

    @Override
    public Optional<PodMetrics> podMetrics(String namespace, String name) {
        return get(PodMetrics.class, namespace, name);
    }

    @Override
    public List<PodMetrics> podMetrics() {
        return all(PodMetrics.class);
    }

    /** A snapshot never changes. */
    @Override
    public long version() {
        return 0;
    }

    @Override
    public long namespaceVersion(String namespace) {
        return 0;
    }

    /** A snapshot never changes, so every resource is as synced as it will ever be. */
    @Override
    public boolean synced() {
        return true;
    }

    @Override
    public Map<String, Boolean> syncStatus() {
        Map<String, Boolean> status = new LinkedHashMap<>();
        for (WatchedResource resource : WatchedResource.alwaysWatched()) {
            status.put(resource.plural(), true);
        }
        return status;
    }

    private <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
        HasMetadata object = byKind.getOrDefault(type, Map.of()).get(key(namespace, name));
        return Optional.ofNullable(type.cast(object));
    }

    private <T extends HasMetadata> List<T> all(Class<T> type) {
        return byKind.getOrDefault(type, Map.of()).values().stream()
                .map(type::cast)
                .toList();
    }

    private static <T> Map<String, List<T>> index(List<T> objects, Function<T, List<String>> indexer) {
        Map<String, List<T>> index = new HashMap<>();
        for (T object : objects) {
            for (String key : indexer.apply(object)) {
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(object);
            }
        }
        return index.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    private static Key key(HasMetadata object) {
        return key(object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    private static Key key(String namespace, String name) {
        return new Key(namespace == null ? "" : namespace, name);
    }

    /** Looked up on every request and detector pass: a record of the objects' own strings builds no text. */
    private record Key(String namespace, String name) {}
}
