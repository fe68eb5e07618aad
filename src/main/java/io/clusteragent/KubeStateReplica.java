package io.clusteragent;

import io.clusteragent.cluster.ObjectFeed;
import io.clusteragent.cluster.ObjectListener;
import io.clusteragent.cluster.ShardAssignment;
import io.clusteragent.cluster.WatchedResource;
import io.clusteragent.config.KubeStateSettings;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Optional;
import java.util.Set;

/**
 * This replica's kube-state metrics: the families of its shard. The cluster source is built with
 * {@link #feed()} before the shard is known, because automatic sharding reads the shard through that
 * source's client; {@link #assign} then creates the families, before the informers (or the snapshot
 * loader) tell of the first object.
 */
final class KubeStateReplica implements ObjectListener {

    private final KubeStateSettings settings;
    private final Set<String> resources;
    private volatile KubeStateMetrics metrics;

    KubeStateReplica(KubeStateSettings settings, Set<String> resources) {
        this.settings = settings;
        this.resources = Set.copyOf(resources);
    }

    /** What the cluster source watches for the families, and tells this replica of; nothing when KUBE_STATE_RESOURCES is empty. */
    ObjectFeed feed() {
        return resources.isEmpty() ? ObjectFeed.NONE : ObjectFeed.kubeState(resources, this);
    }

    /** The shard SHARD and TOTAL_SHARDS name. */
    ShardAssignment configuredShard() {
        return new ShardAssignment(settings.shard(), settings.totalShards());
    }

    /**
     * Creates the families of {@code shard} and exposes the shard on {@code registry} (the agent's /metrics),
     * as kube-state-metrics does; empty when no resource has families to serve.
     */
    Optional<KubeStateMetrics> assign(ShardAssignment shard, MeterRegistry registry) {
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        metrics = KubeStateMetrics.create(settings.withShard(shard.shard(), shard.total()), resources);
        Gauge.builder("kube_state_metrics_shard_ordinal", shard::shard)
                .description("Current sharding ordinal/index of this instance")
                .tag("shard_ordinal", Integer.toString(shard.shard()))
                .register(registry);
        Gauge.builder("kube_state_metrics_total_shards", shard::total)
                .description("Number of total shards this instance is aware of")
                .register(registry);
        return Optional.of(metrics);
    }

    @Override
    public void upsert(WatchedResource resource, HasMetadata object) {
        assigned().upsert(resource, object);
    }

    @Override
    public void delete(WatchedResource resource, HasMetadata object) {
        assigned().delete(resource, object);
    }

    /** An object before the shard would be rendered for the wrong shard, or lost: fail loudly instead. */
    private KubeStateMetrics assigned() {
        KubeStateMetrics assigned = metrics;
        if (assigned == null) {
            throw new IllegalStateException("a kube-state object arrived before this replica's shard was known");
        }
        return assigned;
    }
}
