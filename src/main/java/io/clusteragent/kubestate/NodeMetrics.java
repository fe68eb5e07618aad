package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The node families, ported from kube-state-metrics' {@code internal/store/node.go}. */
final class NodeMetrics {

    static final KubeStateResource<Node> RESOURCE = new KubeStateResource<>("nodes", Node.class, NodeMetrics::families);

    private static final DefaultLabels<Node> DEFAULT_LABELS = DefaultLabels.of(
            List.of("node"), n -> Collections.singletonList(n.getMetadata().getName()));
    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    private static final NodeSpec NO_SPEC = new NodeSpec();
    private static final NodeStatus NO_STATUS = new NodeStatus();
    private static final NodeSystemInfo NO_INFO = new NodeSystemInfo();

    private NodeMetrics() {}

    static List<FamilyGenerator<Node>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                MetadataFamilies.annotations("kube_node_annotations", DEFAULT_LABELS, allowAnnotations),
                MetadataFamilies.created("kube_node_created", Stability.STABLE, DEFAULT_LABELS),
                MetadataFamilies.deletionTimestamp("kube_node_deletion_timestamp", DEFAULT_LABELS),
                FamilyGenerator.stable(
                        "kube_node_info",
                        "Information about a cluster node.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(NodeMetrics::info)),
                MetadataFamilies.labels("kube_node_labels", Stability.STABLE, DEFAULT_LABELS, allowLabels),
                FamilyGenerator.alpha(
                        "kube_node_role",
                        "The role of a cluster node.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(NodeMetrics::roles)),
                FamilyGenerator.alpha(
                        "kube_node_spec_pod_cidrs",
                        "The pod CIDRs of a cluster node.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(
                                n -> SampleShapes.each(spec(n).getPodCIDRs(), cidr -> Metric.of("pod_cidr", cidr, 1)))),
                FamilyGenerator.stable(
                        "kube_node_spec_taint",
                        "The taint of a cluster node.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(n -> SampleShapes.each(spec(n).getTaints(), NodeMetrics::taint))),
                FamilyGenerator.stable(
                        "kube_node_spec_unschedulable",
                        "Whether a node can schedule new pods.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(
                                n -> List.of(Metric.of(Metric.bool(Boolean.TRUE.equals(spec(n).getUnschedulable())))))),
                FamilyGenerator.stable(
                        "kube_node_status_allocatable",
                        "The allocatable for different resources of a node that are available for scheduling.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(n -> resources(status(n).getAllocatable()))),
                FamilyGenerator.stable(
                        "kube_node_status_capacity",
                        "The capacity for different resources of a node.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(n -> resources(status(n).getCapacity()))),
                FamilyGenerator.stable(
                        "kube_node_status_condition",
                        "The condition of a cluster node.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(n -> SampleShapes.conditions(
                                status(n).getConditions(), NodeCondition::getType, NodeCondition::getStatus))),
                FamilyGenerator.alpha(
                        "kube_node_status_addresses",
                        "Node address information.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(n -> SampleShapes.each(
                                status(n).getAddresses(),
                                a -> new Metric(
                                        List.of("type", "address"), Arrays.asList(a.getType(), a.getAddress()), 1)))));
    }

    private static List<Metric> info(Node node) {
        NodeSpec spec = spec(node);
        NodeStatus status = status(node);
        NodeSystemInfo info = status.getNodeInfo() == null ? NO_INFO : status.getNodeInfo();
        // internal_ip is the last InternalIP address, as kube-state-metrics keeps it until v3.
        String internalIp = "";
        for (NodeAddress address : SampleShapes.orEmpty(status.getAddresses())) {
            if ("InternalIP".equals(address.getType())) {
                internalIp = address.getAddress();
            }
        }
        return List.of(new Metric(
                List.of(
                        "kernel_version",
                        "os_image",
                        "container_runtime_version",
                        "kubelet_version",
                        "kubeproxy_version",
                        "provider_id",
                        "pod_cidr",
                        "system_uuid",
                        "internal_ip"),
                Arrays.asList(
                        info.getKernelVersion(),
                        info.getOsImage(),
                        info.getContainerRuntimeVersion(),
                        info.getKubeletVersion(),
                        "deprecated",
                        spec.getProviderID(),
                        spec.getPodCIDR(),
                        info.getSystemUUID(),
                        internalIp),
                1));
    }

    /** One series per {@code node-role.kubernetes.io/<role>} label (Go ranges over the map: any order). */
    private static List<Metric> roles(Node node) {
        List<Metric> metrics = new ArrayList<>();
        for (String label : new TreeMap<>(nullToEmpty(node.getMetadata().getLabels())).keySet()) {
            if (label.startsWith(ROLE_PREFIX)) {
                metrics.add(Metric.of("role", label.substring(ROLE_PREFIX.length()), 1));
            }
        }
        return metrics;
    }

    private static Metric taint(Taint taint) {
        return new Metric(
                List.of("key", "value", "effect"),
                Arrays.asList(taint.getKey(), taint.getValue(), taint.getEffect()),
                1);
    }

    /** Capacity or allocatable: one series per resource kube-state-metrics knows a unit for. */
    private static List<Metric> resources(Map<String, Quantity> resources) {
        List<Metric> metrics = new ArrayList<>();
        new TreeMap<>(nullToEmpty(resources)).forEach((name, quantity) -> {
            String unit = ResourceValues.nodeResourceUnit(name);
            if (unit != null && quantity != null) {
                metrics.add(new Metric(
                        List.of("resource", "unit"),
                        List.of(ResourceValues.sanitized(name), unit),
                        ResourceValues.value(quantity)));
            }
        });
        return metrics;
    }

    private static NodeSpec spec(Node node) {
        return node.getSpec() == null ? NO_SPEC : node.getSpec();
    }

    private static NodeStatus status(Node node) {
        return node.getStatus() == null ? NO_STATUS : node.getStatus();
    }

    private static <K, V> Map<K, V> nullToEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
