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

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of the cluster, served from memory. Every lookup is a map or index read:
 * implementations never call the API server from these methods, so request handlers and
 * analyzers can use them freely on the event loop.
 *
 * <p>Returned objects are shared with the cache and must not be mutated.
 */
public interface ClusterState {

    Optional<Pod> pod(String namespace, String name);

    List<Pod> podsInNamespace(String namespace);

    List<Pod> podsOnNode(String nodeName);

    List<Pod> pods();

    /** Pods whose spec has required pod anti-affinity terms (a pending pod must respect them all). */
    List<Pod> podsWithRequiredAntiAffinity();

    /** What the pods bound to the node reserve, kept current as pods change (kube-scheduler's node totals). */
    NodeRequests requestedOn(String nodeName);

    Optional<Node> node(String name);

    List<Node> nodes();

    Optional<Namespace> namespace(String name);

    /** Core/v1 events whose involvedObject is this object (same kind, namespace and name; same uid when both have one). */
    List<Event> eventsFor(HasMetadata involvedObject);

    List<Event> events();

    Optional<ReplicaSet> replicaSet(String namespace, String name);

    Optional<Deployment> deployment(String namespace, String name);

    Optional<StatefulSet> statefulSet(String namespace, String name);

    Optional<DaemonSet> daemonSet(String namespace, String name);

    Optional<Job> job(String namespace, String name);

    Optional<PersistentVolumeClaim> persistentVolumeClaim(String namespace, String name);

    Optional<PersistentVolume> persistentVolume(String name);

    /** What the metrics.k8s.io API last reported; {@link MetricsStatus#available()} is false when the API is not installed. */
    MetricsStatus metricsStatus();

    Optional<NodeMetrics> nodeMetrics(String nodeName);

    Optional<PodMetrics> podMetrics(String namespace, String name);

    List<PodMetrics> podMetrics();

    /**
     * Moves whenever anything in the cache changes (metrics included). An answer derived at one
     * version is current for as long as the version has not moved.
     */
    long version();

    /** Moves whenever an object in {@code namespace} changes: enough for answers that read only that namespace. */
    long namespaceVersion(String namespace);

    /** Per watched resource (by plural), whether its cache is complete and being kept current. */
    Map<String, Boolean> syncStatus();

    /** Whether every watched resource is synced: {@link #syncStatus()} without a value false, cheap enough for every request. */
    boolean synced();
}
