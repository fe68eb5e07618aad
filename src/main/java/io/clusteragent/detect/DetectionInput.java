package io.clusteragent.detect;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.DetectorSettings;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one detection cycle looks at: the cached cluster, the cycle's instant, the scope, and the node's own cgroup
 * readings when the agent has them. The pods and their container snapshots are read once per cycle and shared by
 * the detectors; an input belongs to one cycle and one thread.
 */
public final class DetectionInput {

    private final ClusterState state;
    private final Instant now;
    private final Optional<String> nodeName;
    private final Optional<CgroupReadings> cgroups;
    private List<Pod> pods;
    private List<PodContainers> podContainers;

    public DetectionInput(ClusterState state, Instant now, Optional<String> nodeName) {
        this(state, now, nodeName, Optional.empty());
    }

    public DetectionInput(
            ClusterState state, Instant now, Optional<String> nodeName, Optional<CgroupReadings> cgroups) {
        this.state = Objects.requireNonNull(state, "state");
        this.now = Objects.requireNonNull(now, "now");
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.cgroups = Objects.requireNonNull(cgroups, "cgroups");
    }

    public static DetectionInput of(ClusterState state, Instant now, DetectorSettings settings) {
        return of(state, now, settings, Optional.empty());
    }

    public static DetectionInput of(
            ClusterState state, Instant now, DetectorSettings settings, Optional<CgroupReadings> cgroups) {
        return new DetectionInput(state, now, settings.nodeName(), cgroups);
    }

    public ClusterState state() {
        return state;
    }

    public Instant now() {
        return now;
    }

    public Optional<String> nodeName() {
        return nodeName;
    }

    /** The latest reading of this node's cgroups; empty when the agent reads none (not a DaemonSet, or not yet). */
    public Optional<CgroupReadings> cgroups() {
        return cgroups;
    }

    /** Pods in scope, leaving out pods being deleted: their containers stop on purpose. */
    public List<Pod> pods() {
        if (pods == null) {
            List<Pod> all = nodeName.map(state::podsOnNode).orElseGet(state::pods);
            pods = all.stream()
                    .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                    .toList();
        }
        return pods;
    }

    public List<PodContainers> podContainers() {
        if (podContainers == null) {
            podContainers = pods().stream().map(PodContainers::of).toList();
        }
        return podContainers;
    }

    public List<Node> nodes() {
        return nodeName.map(name -> state.node(name).stream().toList()).orElseGet(state::nodes);
    }

    public boolean covers(Pod pod) {
        return nodeName.isEmpty()
                || (pod.getSpec() != null && nodeName.get().equals(pod.getSpec().getNodeName()));
    }

    public boolean coversNode(String node) {
        return nodeName.isEmpty() || nodeName.get().equals(node);
    }
}
