package io.clusteragent.analysis.scheduling;

import io.clusteragent.analysis.resources.NodeAllocation;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.quantity.PodRequests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** kube-scheduler's NodePorts: a host port (per protocol and host IP) can be bound by one pod per node. */
final class HostPortCheck implements NodeCheck {

    private static final String ANY_IP = "0.0.0.0";

    private final Pod pod;
    private final ClusterState state;
    private final List<HostPort> wanted;

    HostPortCheck(Pod pod, ClusterState state) {
        this.pod = pod;
        this.state = state;
        this.wanted = hostPorts(pod);
    }

    @Override
    public List<NodeProblem> evaluate(Node node) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<NodeProblem> problems = new ArrayList<>();
        for (Pod other :
                NodeAllocation.activePods(state.podsOnNode(node.getMetadata().getName()), pod)) {
            for (HostPort used : hostPorts(other)) {
                wanted.stream()
                        .filter(used::conflictsWith)
                        .findFirst()
                        .ifPresent(port -> problems.add(NodeProblem.of(
                                SchedulingFailureCategory.PortConflict,
                                "host port " + port.port() + "/" + port.protocol() + " already used by pod "
                                        + other.getMetadata().getNamespace() + "/"
                                        + other.getMetadata().getName())));
            }
        }
        return problems;
    }

    private static List<HostPort> hostPorts(Pod pod) {
        // Sidecars keep running beside the app containers, so their ports are held too.
        Stream<Container> running = Stream.concat(
                pod.getSpec().getContainers().stream(),
                pod.getSpec().getInitContainers().stream().filter(PodRequests::isSidecar));
        return running.flatMap(c -> c.getPorts().stream())
                .filter(p -> p.getHostPort() != null && p.getHostPort() > 0)
                .map(p -> new HostPort(
                        p.getHostPort(),
                        p.getProtocol() == null ? "TCP" : p.getProtocol(),
                        p.getHostIP() == null || p.getHostIP().isEmpty() ? ANY_IP : p.getHostIP()))
                .toList();
    }

    private record HostPort(int port, String protocol, String hostIP) {
        boolean conflictsWith(HostPort other) {
            return port == other.port
                    && protocol.equals(other.protocol)
                    && (hostIP.equals(other.hostIP) || ANY_IP.equals(hostIP) || ANY_IP.equals(other.hostIP));
        }
    }
}
