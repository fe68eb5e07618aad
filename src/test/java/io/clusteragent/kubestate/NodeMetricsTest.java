package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.NodeSystemInfoBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The node families against kube-state-metrics' own expectations ({@code internal/store/node_test.go}). */
class NodeMetricsTest {

    /** The kube-proxy version is set and still reads {@code deprecated}, as kube-state-metrics writes it. */
    private static final NodeSystemInfo NODE_INFO = new NodeSystemInfoBuilder()
            .withKernelVersion("kernel")
            .withKubeletVersion("kubelet")
            .withKubeProxyVersion("kubeproxy")
            .withOsImage("osimage")
            .withContainerRuntimeVersion("rkt")
            .withSystemUUID("6a934e21-5207-4a84-baea-3a952d926c80")
            .build();

    private static final List<String> RESOURCE_FAMILIES = List.of(
            "kube_node_status_capacity",
            "kube_node_status_allocatable",
            "kube_node_spec_unschedulable",
            "kube_node_labels",
            "kube_node_role",
            "kube_node_info",
            "kube_node_created");

    @Test
    void baseNodeHasInfoWithInternalIpAndSchedulableZero() {
        Node node = new NodeBuilder()
                .withNewMetadata()
                .withName("127.0.0.1")
                .endMetadata()
                .withNewSpec()
                .withProviderID("provider://i-uniqueid")
                .withPodCIDR("172.24.10.0/24")
                .endSpec()
                .withNewStatus()
                .withNodeInfo(NODE_INFO)
                .addNewAddress()
                .withType("InternalIP")
                .withAddress("1.2.3.4")
                .endAddress()
                .endStatus()
                .build();

        assertThat(FamilyScrape.of(
                        NodeMetrics.RESOURCE,
                        List.of("kube_node_spec_unschedulable", "kube_node_labels", "kube_node_info"),
                        node))
                .isEqualTo("""
                        # HELP kube_node_info [STABLE] Information about a cluster node.
                        # TYPE kube_node_info gauge
                        kube_node_info{node="127.0.0.1",kernel_version="kernel",os_image="osimage",container_runtime_version="rkt",kubelet_version="kubelet",kubeproxy_version="deprecated",provider_id="provider://i-uniqueid",pod_cidr="172.24.10.0/24",system_uuid="6a934e21-5207-4a84-baea-3a952d926c80",internal_ip="1.2.3.4"} 1
                        # HELP kube_node_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                        # TYPE kube_node_labels gauge
                        # HELP kube_node_spec_unschedulable [STABLE] Whether a node can schedule new pods.
                        # TYPE kube_node_spec_unschedulable gauge
                        kube_node_spec_unschedulable{node="127.0.0.1"} 0
                        """);
    }

    @Test
    void nodeWithNothingSetStillHasInfoWithEmptyLabels() {
        Node empty = new NodeBuilder()
                .withNewMetadata()
                .withUid("u-empty")
                .endMetadata()
                .build();

        assertThat(FamilyScrape.of(NodeMetrics.RESOURCE, List.of("kube_node_info"), empty))
                .isEqualTo("""
                        # HELP kube_node_info [STABLE] Information about a cluster node.
                        # TYPE kube_node_info gauge
                        kube_node_info{node="",kernel_version="",os_image="",container_runtime_version="",kubelet_version="",kubeproxy_version="deprecated",provider_id="",pod_cidr="",system_uuid="",internal_ip=""} 1
                        """);
    }

    @Test
    void capacityAndAllocatableCarryResourceAndUnit() {
        assertThat(FamilyScrape.of(NodeMetrics.RESOURCE, RESOURCE_FAMILIES, resourceNode("2G")))
                .isEqualTo(resourceScrape("2e+09"));
    }

    @Test
    void memoryBeyondTheMilliRangeIsWrittenInWholeBytes() {
        assertThat(FamilyScrape.of(NodeMetrics.RESOURCE, RESOURCE_FAMILIES, resourceNode("10000T")))
                .isEqualTo(resourceScrape("1e+16"));
    }

    @Test
    void everyConditionHasThreeStatusSeries() {
        Node node = new NodeBuilder()
                .withNewMetadata()
                .withName("127.0.0.2")
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("NetworkUnavailable")
                .withStatus("Unknown")
                .endCondition()
                .addNewCondition()
                .withType("Ready")
                .withStatus("False")
                .endCondition()
                .addNewCondition()
                .withType("CustomizedType")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();

        assertThat(FamilyScrape.of(NodeMetrics.RESOURCE, List.of("kube_node_status_condition"), node))
                .isEqualTo("""
                        # HELP kube_node_status_condition [STABLE] The condition of a cluster node.
                        # TYPE kube_node_status_condition gauge
                        kube_node_status_condition{node="127.0.0.2",condition="NetworkUnavailable",status="true"} 0
                        kube_node_status_condition{node="127.0.0.2",condition="NetworkUnavailable",status="false"} 0
                        kube_node_status_condition{node="127.0.0.2",condition="NetworkUnavailable",status="unknown"} 1
                        kube_node_status_condition{node="127.0.0.2",condition="Ready",status="true"} 0
                        kube_node_status_condition{node="127.0.0.2",condition="Ready",status="false"} 1
                        kube_node_status_condition{node="127.0.0.2",condition="Ready",status="unknown"} 0
                        kube_node_status_condition{node="127.0.0.2",condition="CustomizedType",status="true"} 1
                        kube_node_status_condition{node="127.0.0.2",condition="CustomizedType",status="false"} 0
                        kube_node_status_condition{node="127.0.0.2",condition="CustomizedType",status="unknown"} 0
                        """);
    }

    @Test
    void taintsPodCidrsAddressesAndDeletionAreOneSeriesEach() {
        Node node = new NodeBuilder()
                .withNewMetadata()
                .withName("127.0.0.1")
                .withDeletionTimestamp("2017-07-14T02:40:00Z")
                .withAnnotations(Map.of("node.alpha.kubernetes.io/ttl", "0"))
                .endMetadata()
                .withNewSpec()
                .addNewTaint()
                .withKey("node.kubernetes.io/memory-pressure")
                .withValue("true")
                .withEffect("PreferNoSchedule")
                .endTaint()
                .addNewTaint()
                .withKey("Accelerated")
                .withValue("gpu")
                .withEffect("PreferNoSchedule")
                .endTaint()
                .addNewTaint()
                .withKey("Dedicated")
                .withEffect("PreferNoSchedule")
                .endTaint()
                .withPodCIDRs("10.244.0.0/24", "2001:db8::/64")
                .endSpec()
                .withNewStatus()
                .addNewAddress()
                .withType("InternalIP")
                .withAddress("1.2.3.4")
                .endAddress()
                .addNewAddress()
                .withType("InternalIP")
                .withAddress("fc00::")
                .endAddress()
                .addNewAddress()
                .withType("ExternalIP")
                .withAddress("5.6.7.8")
                .endAddress()
                .endStatus()
                .build();

        assertThat(FamilyScrape.withAllowlists(
                        NodeMetrics.RESOURCE,
                        List.of(
                                "kube_node_annotations",
                                "kube_node_deletion_timestamp",
                                "kube_node_spec_pod_cidrs",
                                "kube_node_spec_taint",
                                "kube_node_status_addresses"),
                        Map.of(),
                        Map.of("nodes", List.of("node.alpha.kubernetes.io/ttl")),
                        node))
                .isEqualTo("""
                        # HELP kube_node_annotations Kubernetes annotations converted to Prometheus labels.
                        # TYPE kube_node_annotations gauge
                        kube_node_annotations{node="127.0.0.1",annotation_node_alpha_kubernetes_io_ttl="0"} 1
                        # HELP kube_node_deletion_timestamp Unix deletion timestamp
                        # TYPE kube_node_deletion_timestamp gauge
                        kube_node_deletion_timestamp{node="127.0.0.1"} 1.5e+09
                        # HELP kube_node_spec_pod_cidrs The pod CIDRs of a cluster node.
                        # TYPE kube_node_spec_pod_cidrs gauge
                        kube_node_spec_pod_cidrs{node="127.0.0.1",pod_cidr="10.244.0.0/24"} 1
                        kube_node_spec_pod_cidrs{node="127.0.0.1",pod_cidr="2001:db8::/64"} 1
                        # HELP kube_node_spec_taint [STABLE] The taint of a cluster node.
                        # TYPE kube_node_spec_taint gauge
                        kube_node_spec_taint{node="127.0.0.1",key="node.kubernetes.io/memory-pressure",value="true",effect="PreferNoSchedule"} 1
                        kube_node_spec_taint{node="127.0.0.1",key="Accelerated",value="gpu",effect="PreferNoSchedule"} 1
                        kube_node_spec_taint{node="127.0.0.1",key="Dedicated",value="",effect="PreferNoSchedule"} 1
                        # HELP kube_node_status_addresses Node address information.
                        # TYPE kube_node_status_addresses gauge
                        kube_node_status_addresses{node="127.0.0.1",type="InternalIP",address="1.2.3.4"} 1
                        kube_node_status_addresses{node="127.0.0.1",type="InternalIP",address="fc00::"} 1
                        kube_node_status_addresses{node="127.0.0.1",type="ExternalIP",address="5.6.7.8"} 1
                        """);
    }

    private static Node resourceNode(String memoryCapacity) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName("127.0.0.1")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withLabels(Map.of("node-role.kubernetes.io/master", ""))
                .endMetadata()
                .withNewSpec()
                .withUnschedulable(true)
                .withProviderID("provider://i-randomidentifier")
                .withPodCIDR("172.24.10.0/24")
                .endSpec()
                .withNewStatus()
                .withNodeInfo(NODE_INFO)
                .addNewAddress()
                .withType("InternalIP")
                .withAddress("1.2.3.4")
                .endAddress()
                .withCapacity(Map.of(
                        "cpu", new Quantity("4.3"),
                        "memory", new Quantity(memoryCapacity),
                        "pods", new Quantity("1000"),
                        "storage", new Quantity("3G"),
                        "ephemeral-storage", new Quantity("4G"),
                        "nvidia.com/gpu", new Quantity("4"),
                        "attachable-volumes-aws-ebs", new Quantity("39"),
                        "kubernetes.io/not-extended", new Quantity("7")))
                .withAllocatable(Map.of(
                        "cpu", new Quantity("3"),
                        "memory", new Quantity("1G"),
                        "pods", new Quantity("555"),
                        "storage", new Quantity("2G"),
                        "ephemeral-storage", new Quantity("3G"),
                        "nvidia.com/gpu", new Quantity("1"),
                        "hugepages-2Mi", new Quantity("250m")))
                .endStatus()
                .build();
    }

    private static String resourceScrape(String memoryCapacity) {
        return """
                # HELP kube_node_created [STABLE] Unix creation timestamp
                # TYPE kube_node_created gauge
                kube_node_created{node="127.0.0.1"} 1.5e+09
                # HELP kube_node_info [STABLE] Information about a cluster node.
                # TYPE kube_node_info gauge
                kube_node_info{node="127.0.0.1",kernel_version="kernel",os_image="osimage",container_runtime_version="rkt",kubelet_version="kubelet",kubeproxy_version="deprecated",provider_id="provider://i-randomidentifier",pod_cidr="172.24.10.0/24",system_uuid="6a934e21-5207-4a84-baea-3a952d926c80",internal_ip="1.2.3.4"} 1
                # HELP kube_node_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_node_labels gauge
                # HELP kube_node_role The role of a cluster node.
                # TYPE kube_node_role gauge
                kube_node_role{node="127.0.0.1",role="master"} 1
                # HELP kube_node_spec_unschedulable [STABLE] Whether a node can schedule new pods.
                # TYPE kube_node_spec_unschedulable gauge
                kube_node_spec_unschedulable{node="127.0.0.1"} 1
                # HELP kube_node_status_allocatable [STABLE] The allocatable for different resources of a node that are available for scheduling.
                # TYPE kube_node_status_allocatable gauge
                kube_node_status_allocatable{node="127.0.0.1",resource="cpu",unit="core"} 3
                kube_node_status_allocatable{node="127.0.0.1",resource="ephemeral_storage",unit="byte"} 3e+09
                kube_node_status_allocatable{node="127.0.0.1",resource="hugepages_2Mi",unit="byte"} 0.25
                kube_node_status_allocatable{node="127.0.0.1",resource="memory",unit="byte"} 1e+09
                kube_node_status_allocatable{node="127.0.0.1",resource="nvidia_com_gpu",unit="integer"} 1
                kube_node_status_allocatable{node="127.0.0.1",resource="pods",unit="integer"} 555
                kube_node_status_allocatable{node="127.0.0.1",resource="storage",unit="byte"} 2e+09
                # HELP kube_node_status_capacity [STABLE] The capacity for different resources of a node.
                # TYPE kube_node_status_capacity gauge
                kube_node_status_capacity{node="127.0.0.1",resource="attachable_volumes_aws_ebs",unit="byte"} 39
                kube_node_status_capacity{node="127.0.0.1",resource="cpu",unit="core"} 4.3
                kube_node_status_capacity{node="127.0.0.1",resource="ephemeral_storage",unit="byte"} 4e+09
                kube_node_status_capacity{node="127.0.0.1",resource="memory",unit="byte"} MEMORY
                kube_node_status_capacity{node="127.0.0.1",resource="nvidia_com_gpu",unit="integer"} 4
                kube_node_status_capacity{node="127.0.0.1",resource="pods",unit="integer"} 1000
                kube_node_status_capacity{node="127.0.0.1",resource="storage",unit="byte"} 3e+09
                """.replace("MEMORY", memoryCapacity);
    }
}
