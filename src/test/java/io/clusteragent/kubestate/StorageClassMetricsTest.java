package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The storageclass families against kube-state-metrics' own expectations ({@code internal/store/storageclass_test.go}). */
class StorageClassMetricsTest {

    @Test
    void unsetPolicyAndBindingModeAreTheApiDefaults() {
        StorageClass storageClass = new StorageClassBuilder()
                .withNewMetadata()
                .withName("test_storageclass-default-info")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .endMetadata()
                .withProvisioner("kubernetes.io/rbd")
                .build();

        assertThat(GoldenScrape.text(StorageClassMetrics.RESOURCE, storageClass))
                .isEqualTo("""
                # HELP kube_storageclass_info [STABLE] Information about storageclass.
                # TYPE kube_storageclass_info gauge
                kube_storageclass_info{storageclass="test_storageclass-default-info",provisioner="kubernetes.io/rbd",reclaim_policy="Delete",volume_binding_mode="Immediate"} 1
                # HELP kube_storageclass_created [STABLE] Unix creation timestamp
                # TYPE kube_storageclass_created gauge
                kube_storageclass_created{storageclass="test_storageclass-default-info"} 1.5e+09
                # HELP kube_storageclass_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_storageclass_annotations gauge
                # HELP kube_storageclass_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_storageclass_labels gauge
                """);
    }

    @Test
    void setPolicyAndAllowlistedLabelsAndAnnotationsAreWritten() {
        StorageClass storageClass = new StorageClassBuilder()
                .withNewMetadata()
                .withName("test_storageclass-labels")
                .withLabels(Map.of("foo", "bar"))
                .withAnnotations(Map.of("storageclass.kubernetes.io/is-default-class", "true"))
                .endMetadata()
                .withProvisioner("ebs.csi.aws.com")
                .withReclaimPolicy("Retain")
                .withVolumeBindingMode("WaitForFirstConsumer")
                .build();

        assertThat(FamilyScrape.withAllowlists(
                        StorageClassMetrics.RESOURCE,
                        List.of("kube_storageclass_info", "kube_storageclass_annotations", "kube_storageclass_labels"),
                        Map.of("storageclasses", List.of("foo")),
                        Map.of("storageclasses", List.of("storageclass.kubernetes.io/is-default-class")),
                        storageClass))
                .isEqualTo("""
                        # HELP kube_storageclass_info [STABLE] Information about storageclass.
                        # TYPE kube_storageclass_info gauge
                        kube_storageclass_info{storageclass="test_storageclass-labels",provisioner="ebs.csi.aws.com",reclaim_policy="Retain",volume_binding_mode="WaitForFirstConsumer"} 1
                        # HELP kube_storageclass_annotations Kubernetes annotations converted to Prometheus labels.
                        # TYPE kube_storageclass_annotations gauge
                        kube_storageclass_annotations{storageclass="test_storageclass-labels",annotation_storageclass_kubernetes_io_is_default_class="true"} 1
                        # HELP kube_storageclass_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                        # TYPE kube_storageclass_labels gauge
                        kube_storageclass_labels{storageclass="test_storageclass-labels",label_foo="bar"} 1
                        """);
    }
}
