package io.clusteragent.cluster;

import io.clusteragent.config.KubeStateResources;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every resource the agent can keep in its cache. This list drives the informers, and it is what the
 * RBAC rules of the deployment must grant, so it is the single place to change. The REST API and
 * the detectors read the resources marked {@code always}, which are watched in every live agent;
 * the others are watched only for kube-state metrics, when {@code KUBE_STATE_RESOURCES} names them.
 * The plural is the name kube-state-metrics' {@code --resources} takes.
 */
public enum WatchedResource {
    PODS("", "pods", Pod.class, true),
    NODES("", "nodes", Node.class, true),
    EVENTS("", "events", Event.class, true),
    NAMESPACES("", "namespaces", Namespace.class, true),
    PERSISTENT_VOLUME_CLAIMS("", "persistentvolumeclaims", PersistentVolumeClaim.class, true),
    PERSISTENT_VOLUMES("", "persistentvolumes", PersistentVolume.class, true),
    REPLICA_SETS("apps", "replicasets", ReplicaSet.class, true),
    DEPLOYMENTS("apps", "deployments", Deployment.class, true),
    STATEFUL_SETS("apps", "statefulsets", StatefulSet.class, true),
    DAEMON_SETS("apps", "daemonsets", DaemonSet.class, true),
    JOBS("batch", "jobs", Job.class, true),
    CRON_JOBS("batch", "cronjobs", CronJob.class, false),
    SERVICES("", "services", Service.class, false),
    ENDPOINT_SLICES("discovery.k8s.io", "endpointslices", EndpointSlice.class, false),
    HORIZONTAL_POD_AUTOSCALERS("autoscaling", "horizontalpodautoscalers", HorizontalPodAutoscaler.class, false),
    INGRESSES("networking.k8s.io", "ingresses", Ingress.class, false),
    CONFIG_MAPS("", "configmaps", ConfigMap.class, false),
    LEASES("coordination.k8s.io", "leases", Lease.class, false),
    POD_DISRUPTION_BUDGETS("policy", "poddisruptionbudgets", PodDisruptionBudget.class, false),
    STORAGE_CLASSES("storage.k8s.io", "storageclasses", StorageClass.class, false),
    RESOURCE_QUOTAS("", "resourcequotas", ResourceQuota.class, false),
    LIMIT_RANGES("", "limitranges", LimitRange.class, false),
    /** Metadata only: no value of a Secret is ever requested or kept (see {@link MetadataOnlyRequests}). */
    SECRETS("", "secrets", Secret.class, false);

    private final String apiGroup;
    private final String plural;
    private final Class<? extends HasMetadata> type;
    private final boolean always;

    WatchedResource(String apiGroup, String plural, Class<? extends HasMetadata> type, boolean always) {
        this.apiGroup = apiGroup;
        this.plural = plural;
        this.type = type;
        this.always = always;
    }

    public String apiGroup() {
        return apiGroup;
    }

    public String plural() {
        return plural;
    }

    public Class<? extends HasMetadata> type() {
        return type;
    }

    /** Read by the REST API or the detectors, so watched whatever else is enabled. */
    public boolean always() {
        return always;
    }

    /** Whether kube-state-metrics reports on it (every resource but events). */
    public boolean kubeState() {
        return KubeStateResources.ALL.contains(plural);
    }

    /** Only the metadata is ever requested, so no value reaches the agent. */
    boolean metadataOnly() {
        return this == SECRETS;
    }

    /** {@code /api/v1/pods}, {@code /apis/apps/v1/replicasets}: the all-namespaces collection the informers list and watch. */
    String collectionPath() {
        return (apiGroup.isEmpty() ? "/api/" : "/apis/") + HasMetadata.getApiVersion(type) + "/" + plural;
    }

    /** The resources every live agent watches. */
    public static Set<WatchedResource> alwaysWatched() {
        EnumSet<WatchedResource> always = EnumSet.noneOf(WatchedResource.class);
        Stream.of(values()).filter(WatchedResource::always).forEach(always::add);
        return always;
    }

    /** The resource of a kube-state-metrics name, as {@code KUBE_STATE_RESOURCES} lists it. */
    public static Optional<WatchedResource> kubeState(String name) {
        return Stream.of(values())
                .filter(r -> r.kubeState() && r.plural.equals(name))
                .findFirst();
    }

    static Optional<WatchedResource> of(Class<?> type) {
        return Stream.of(values()).filter(r -> r.type == type).findFirst();
    }
}
