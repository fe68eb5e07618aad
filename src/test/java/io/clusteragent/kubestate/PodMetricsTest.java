package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.clusteragent.kubestate.PodScrape.at;
import static io.clusteragent.kubestate.PodScrape.pod;
import static io.clusteragent.kubestate.PodScrape.samples;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pod metadata and spec families against kube-state-metrics' expectations ({@code internal/store/pod_test.go},
 * labels in emitted order).
 */
class PodMetricsTest {

    @Test
    void barePodHasInfoWithoutCreatorAndOneEmptyOwner() {
        Pod pod = pod("ns1", "pod1", "abc-123-xxx")
                .editMetadata()
                .withCreationTimestamp(at(1500000000))
                .endMetadata()
                .withNewSpec()
                .withNodeName("node1")
                .withPriorityClassName("system-node-critical")
                .withHostNetwork(true)
                .addNewContainer()
                .withImage("k8s.gcr.io/hyperkube2_spec")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withHostIP("1.1.1.1")
                .withPodIP("1.2.3.4")
                .addNewPodIP("1.2.3.4")
                .addNewPodIP("fc00:1234:5678:90ab:cdef:cafe:f00d:d00d")
                .addNewPodIP("::ffff:1.2.3.4")
                .withStartTime(at(1501569018))
                .endStatus()
                .build();

        assertThat(samples(
                        pod,
                        "kube_pod_created",
                        "kube_pod_info",
                        "kube_pod_ips",
                        "kube_pod_start_time",
                        "kube_pod_completion_time",
                        "kube_pod_owner"))
                .isEqualTo("""
                        kube_pod_created{namespace="ns1",pod="pod1",uid="abc-123-xxx"} 1.5e+09
                        kube_pod_info{namespace="ns1",pod="pod1",uid="abc-123-xxx",host_ip="1.1.1.1",pod_ip="1.2.3.4",node="node1",created_by_kind="",created_by_name="",priority_class="system-node-critical",host_network="true"} 1
                        kube_pod_ips{namespace="ns1",pod="pod1",uid="abc-123-xxx",ip="1.2.3.4",ip_family="4"} 1
                        kube_pod_ips{namespace="ns1",pod="pod1",uid="abc-123-xxx",ip="fc00:1234:5678:90ab:cdef:cafe:f00d:d00d",ip_family="6"} 1
                        kube_pod_ips{namespace="ns1",pod="pod1",uid="abc-123-xxx",ip="::ffff:1.2.3.4",ip_family="4"} 1
                        kube_pod_owner{namespace="ns1",pod="pod1",uid="abc-123-xxx",owner_kind="",owner_name="",owner_is_controller=""} 1
                        kube_pod_start_time{namespace="ns1",pod="pod1",uid="abc-123-xxx"} 1.501569018e+09
                        """);
    }

    @Test
    void replicaSetPodIsCreatedByItsController() {
        Pod pod = pod("ns2", "pod2", "abc-456-xxx")
                .editMetadata()
                .addNewOwnerReference()
                .withKind("ReplicaSet")
                .withName("rs-name")
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withNodeName("node2")
                .endSpec()
                .withNewStatus()
                .withHostIP("1.1.1.1")
                .withPodIP("2.3.4.5")
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_created", "kube_pod_info", "kube_pod_owner"))
                .isEqualTo("""
                kube_pod_info{namespace="ns2",pod="pod2",uid="abc-456-xxx",host_ip="1.1.1.1",pod_ip="2.3.4.5",node="node2",created_by_kind="ReplicaSet",created_by_name="rs-name",priority_class="",host_network="false"} 1
                kube_pod_owner{namespace="ns2",pod="pod2",uid="abc-456-xxx",owner_kind="ReplicaSet",owner_name="rs-name",owner_is_controller="true"} 1
                """);
    }

    @Test
    void ownersThatDoNotControlAreListedButDoNotCreate() {
        Pod pod = pod("ns2", "pod2", "uid2")
                .editMetadata()
                .addNewOwnerReference()
                .withKind("Node")
                .withName("node-a")
                .endOwnerReference()
                .addNewOwnerReference()
                .withKind("Widget")
                .withName("w")
                .withController(false)
                .endOwnerReference()
                .endMetadata()
                .build();

        assertThat(samples(pod, "kube_pod_info", "kube_pod_owner")).isEqualTo("""
                kube_pod_info{namespace="ns2",pod="pod2",uid="uid2",host_ip="",pod_ip="",node="",created_by_kind="",created_by_name="",priority_class="",host_network="false"} 1
                kube_pod_owner{namespace="ns2",pod="pod2",uid="uid2",owner_kind="Node",owner_name="node-a",owner_is_controller="false"} 1
                kube_pod_owner{namespace="ns2",pod="pod2",uid="uid2",owner_kind="Widget",owner_name="w",owner_is_controller="false"} 1
                """);
    }

    @Test
    void podIpsThatAreNotAddressesAreLeftOut() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewStatus()
                .addNewPodIP("10.0.0.7")
                .addNewPodIP("010.0.0.7")
                .addNewPodIP("example.com")
                .addNewPodIP("")
                .addNewPodIP("[::1]")
                .addNewPodIP("fe80::1%eth0")
                .addNewPodIP("2001:db8::1")
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_ips")).isEqualTo("""
                kube_pod_ips{namespace="ns1",pod="pod1",uid="uid1",ip="10.0.0.7",ip_family="4"} 1
                kube_pod_ips{namespace="ns1",pod="pod1",uid="uid1",ip="fe80::1%eth0",ip_family="6"} 1
                kube_pod_ips{namespace="ns1",pod="pod1",uid="uid1",ip="2001:db8::1",ip_family="6"} 1
                """);
    }

    @Test
    void deletionTimestampOnlyWhileTerminating() {
        Pod terminating = pod("ns1", "pod1", "abc-123-xxx")
                .editMetadata()
                .withDeletionTimestamp(at(1800000000))
                .endMetadata()
                .build();
        Pod live = pod("ns1", "pod1", "abc-123-xxx").build();

        assertThat(samples(terminating, "kube_pod_deletion_timestamp")).isEqualTo("""
                kube_pod_deletion_timestamp{namespace="ns1",pod="pod1",uid="abc-123-xxx"} 1.8e+09
                """);
        assertThat(samples(live, "kube_pod_deletion_timestamp", "kube_pod_created"))
                .isEmpty();
    }

    @Test
    void restartPolicyIsAlwaysOneSeries() {
        Pod always = pod("ns2", "pod2", "uid2")
                .withNewSpec()
                .withRestartPolicy("Always")
                .endSpec()
                .build();
        Pod onFailure = pod("ns2", "pod2", "uid2")
                .withNewSpec()
                .withRestartPolicy("OnFailure")
                .endSpec()
                .build();

        assertThat(samples(always, "kube_pod_restart_policy")).isEqualTo("""
                kube_pod_restart_policy{namespace="ns2",pod="pod2",uid="uid2",type="Always"} 1
                """);
        assertThat(samples(onFailure, "kube_pod_restart_policy")).isEqualTo("""
                kube_pod_restart_policy{namespace="ns2",pod="pod2",uid="uid2",type="OnFailure"} 1
                """);
    }

    @Test
    void labelsAndAnnotationsOnlyThroughTheAllowlists() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .editMetadata()
                .withLabels(Map.of("app", "example"))
                .withAnnotations(Map.of("app", "example"))
                .endMetadata()
                .build();

        assertThat(samples(pod, "kube_pod_labels", "kube_pod_annotations")).isEmpty();
        assertThat(samples(Map.of("pods", List.of("wildcard-not-first", "*")), Map.of(), pod, "kube_pod_labels"))
                .isEqualTo("kube_pod_labels{namespace=\"ns1\",pod=\"pod1\",uid=\"uid1\"} 1\n");
        assertThat(samples(Map.of("pods", List.of("*")), Map.of(), pod, "kube_pod_labels"))
                .isEqualTo("kube_pod_labels{namespace=\"ns1\",pod=\"pod1\",uid=\"uid1\",label_app=\"example\"} 1\n");
        assertThat(samples(Map.of(), Map.of("pods", List.of("*")), pod, "kube_pod_annotations"))
                .isEqualTo(
                        "kube_pod_annotations{namespace=\"ns1\",pod=\"pod1\",uid=\"uid1\",annotation_app=\"example\"} 1\n");
    }

    @Test
    void volumeClaimsOfPersistentAndEphemeralVolumes() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewSpec()
                .addNewVolume()
                .withName("myvol")
                .withNewPersistentVolumeClaim()
                .withClaimName("claim1")
                .withReadOnly(false)
                .endPersistentVolumeClaim()
                .endVolume()
                .addNewVolume()
                .withName("my-readonly-vol")
                .withNewPersistentVolumeClaim()
                .withClaimName("claim2")
                .withReadOnly(true)
                .endPersistentVolumeClaim()
                .endVolume()
                .addNewVolume()
                .withName("my-ephemeral-vol")
                .withNewEphemeral()
                .endEphemeral()
                .endVolume()
                .addNewVolume()
                .withName("not-pvc-vol")
                .withNewEmptyDir()
                .withMedium("memory")
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .build();

        assertThat(samples(
                        pod,
                        "kube_pod_spec_volumes_persistentvolumeclaims_info",
                        "kube_pod_spec_volumes_persistentvolumeclaims_readonly"))
                .isEqualTo("""
                        kube_pod_spec_volumes_persistentvolumeclaims_info{namespace="ns1",pod="pod1",uid="uid1",volume="myvol",persistentvolumeclaim="claim1",ephemeral="false"} 1
                        kube_pod_spec_volumes_persistentvolumeclaims_info{namespace="ns1",pod="pod1",uid="uid1",volume="my-readonly-vol",persistentvolumeclaim="claim2",ephemeral="false"} 1
                        kube_pod_spec_volumes_persistentvolumeclaims_info{namespace="ns1",pod="pod1",uid="uid1",volume="my-ephemeral-vol",persistentvolumeclaim="pod1-my-ephemeral-vol",ephemeral="true"} 1
                        kube_pod_spec_volumes_persistentvolumeclaims_readonly{namespace="ns1",pod="pod1",uid="uid1",volume="myvol",persistentvolumeclaim="claim1",ephemeral="false"} 0
                        kube_pod_spec_volumes_persistentvolumeclaims_readonly{namespace="ns1",pod="pod1",uid="uid1",volume="my-readonly-vol",persistentvolumeclaim="claim2",ephemeral="false"} 1
                        kube_pod_spec_volumes_persistentvolumeclaims_readonly{namespace="ns1",pod="pod1",uid="uid1",volume="my-ephemeral-vol",persistentvolumeclaim="pod1-my-ephemeral-vol",ephemeral="true"} 0
                        """);
    }

    @Test
    void runtimeClassOnlyWhenSet() {
        Pod withClass = pod("ns1", "pod1", "uid1")
                .withNewSpec()
                .withRuntimeClassName("foo")
                .endSpec()
                .build();
        Pod without = pod("ns1", "pod1", "uid1").withNewSpec().endSpec().build();

        assertThat(samples(withClass, "kube_pod_runtimeclass_name_info")).isEqualTo("""
                kube_pod_runtimeclass_name_info{namespace="ns1",pod="pod1",uid="uid1",runtimeclass_name="foo"} 1
                """);
        assertThat(samples(without, "kube_pod_runtimeclass_name_info")).isEmpty();
    }

    @Test
    void nodeSelectorsAreOptInAndSanitizedLikeLabels() {
        Pod pod = pod("ns1", "pod2", "uid6")
                .withNewSpec()
                .withNodeSelector(
                        Map.of("kubernetes.io/os", "linux", "cloud.google.com/gke-accelerator", "nvidia-tesla-t4"))
                .endSpec()
                .build();

        assertThat(samples(pod, "kube_pod_nodeselectors")).isEqualTo("""
                kube_pod_nodeselectors{namespace="ns1",pod="pod2",uid="uid6",nodeselector_cloud_google_com_gke_accelerator="nvidia-tesla-t4",nodeselector_kubernetes_io_os="linux"} 1
                """);
        assertThat(GoldenScrape.text(PodMetrics.RESOURCE, pod)).doesNotContain("kube_pod_nodeselectors");
    }

    @Test
    void tolerationsCountOnceEachIncludingTheEmptyOne() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewSpec()
                .addNewToleration()
                .withKey("key1")
                .withOperator("Equal")
                .withValue("value1")
                .withEffect("NoSchedule")
                .endToleration()
                .addNewToleration()
                .withKey("key2")
                .withOperator("Exists")
                .endToleration()
                .addNewToleration()
                .withKey("key3")
                .withOperator("Equal")
                .withValue("value3")
                .endToleration()
                .addNewToleration()
                .withKey("key3")
                .withOperator("Equal")
                .withValue("value3")
                .endToleration()
                .addNewToleration()
                .endToleration()
                .addNewToleration()
                .withKey("key4")
                .withOperator("Exists")
                .withTolerationSeconds(3600L)
                .endToleration()
                .addNewToleration()
                .withKey("key4")
                .withOperator("Exists")
                .withTolerationSeconds(3600L)
                .endToleration()
                .addNewToleration()
                .withKey("key4")
                .withOperator("Exists")
                .withTolerationSeconds(0L)
                .endToleration()
                .endSpec()
                .build();

        assertThat(samples(pod, "kube_pod_tolerations")).isEqualTo("""
                kube_pod_tolerations{namespace="ns1",pod="pod1",uid="uid1",key="key1",operator="Equal",value="value1",effect="NoSchedule",toleration_seconds=""} 1
                kube_pod_tolerations{namespace="ns1",pod="pod1",uid="uid1",key="key2",operator="Exists",value="",effect="",toleration_seconds=""} 1
                kube_pod_tolerations{namespace="ns1",pod="pod1",uid="uid1",key="key3",operator="Equal",value="value3",effect="",toleration_seconds=""} 1
                kube_pod_tolerations{namespace="ns1",pod="pod1",uid="uid1",key="",operator="",value="",effect="",toleration_seconds=""} 1
                kube_pod_tolerations{namespace="ns1",pod="pod1",uid="uid1",key="key4",operator="Exists",value="",effect="",toleration_seconds="3600"} 1
                kube_pod_tolerations{namespace="ns1",pod="pod1",uid="uid1",key="key4",operator="Exists",value="",effect="",toleration_seconds="0"} 1
                """);
    }

    @Test
    void serviceAccountAndScheduler() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewSpec()
                .withServiceAccountName("service-account-name")
                .withSchedulerName("scheduler1")
                .endSpec()
                .build();

        assertThat(samples(pod, "kube_pod_service_account", "kube_pod_scheduler"))
                .isEqualTo("""
                kube_pod_service_account{namespace="ns1",pod="pod1",uid="uid1",service_account="service-account-name"} 1
                kube_pod_scheduler{namespace="ns1",pod="pod1",uid="uid1",name="scheduler1"} 1
                """);
    }

    @Test
    void resourceClaimsResolveTemplatesThroughStatusAndSkipEmptyEntries() {
        Pod resolved = pod("ns1", "pod1", "uid1")
                .withNewSpec()
                .addNewResourceClaim()
                .withName("gpu")
                .withResourceClaimName("shared-gpu-claim")
                .endResourceClaim()
                .addNewResourceClaim()
                .withName("gpu-tmpl")
                .withResourceClaimTemplateName("gpu-template")
                .endResourceClaim()
                .endSpec()
                .withNewStatus()
                .addNewResourceClaimStatus()
                .withName("gpu-tmpl")
                .withResourceClaimName("pod1-gpu-tmpl-abcde")
                .endResourceClaimStatus()
                .endStatus()
                .build();
        Pod pending = pod("ns2", "pod2", "uid2")
                .withNewSpec()
                .addNewResourceClaim()
                .withName("pending")
                .withResourceClaimTemplateName("gpu-template")
                .endResourceClaim()
                .addNewResourceClaim()
                .withName("bad")
                .endResourceClaim()
                .endSpec()
                .build();

        assertThat(samples(resolved, "kube_pod_resourceclaim_info")).isEqualTo("""
                kube_pod_resourceclaim_info{namespace="ns1",pod="pod1",uid="uid1",claim_name="gpu",resourceclaim_name="shared-gpu-claim",resourceclaim_template_name=""} 1
                kube_pod_resourceclaim_info{namespace="ns1",pod="pod1",uid="uid1",claim_name="gpu-tmpl",resourceclaim_name="pod1-gpu-tmpl-abcde",resourceclaim_template_name="gpu-template"} 1
                """);
        assertThat(samples(pending, "kube_pod_resourceclaim_info")).isEqualTo("""
                kube_pod_resourceclaim_info{namespace="ns2",pod="pod2",uid="uid2",claim_name="pending",resourceclaim_name="",resourceclaim_template_name="gpu-template"} 1
                """);
    }

    @Test
    void overheadOfTheRuntimeClass() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewSpec()
                .withOverhead(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("120Mi")))
                .endSpec()
                .build();

        assertThat(samples(pod, "kube_pod_overhead_cpu_cores", "kube_pod_overhead_memory_bytes"))
                .isEqualTo("""
                kube_pod_overhead_cpu_cores{namespace="ns1",pod="pod1",uid="uid1"} 0.25
                kube_pod_overhead_memory_bytes{namespace="ns1",pod="pod1",uid="uid1"} 1.2582912e+08
                """);
    }
}
