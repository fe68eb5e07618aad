package io.clusteragent.cluster;

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

/**
 * Every resource the agent keeps in its cache. This list drives the informers, and it is what the
 * RBAC rules of the deployment must grant (get/list/watch), so it is the single place to change.
 */
public enum WatchedResource {
    PODS("", "pods", Pod.class),
    NODES("", "nodes", Node.class),
    EVENTS("", "events", Event.class),
    NAMESPACES("", "namespaces", Namespace.class),
    PERSISTENT_VOLUME_CLAIMS("", "persistentvolumeclaims", PersistentVolumeClaim.class),
    PERSISTENT_VOLUMES("", "persistentvolumes", PersistentVolume.class),
    REPLICA_SETS("apps", "replicasets", ReplicaSet.class),
    DEPLOYMENTS("apps", "deployments", Deployment.class),
    STATEFUL_SETS("apps", "statefulsets", StatefulSet.class),
    DAEMON_SETS("apps", "daemonsets", DaemonSet.class),
    JOBS("batch", "jobs", Job.class);

    private final String apiGroup;
    private final String plural;
    private final Class<? extends HasMetadata> type;

    WatchedResource(String apiGroup, String plural, Class<? extends HasMetadata> type) {
        this.apiGroup = apiGroup;
        this.plural = plural;
        this.type = type;
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
}
