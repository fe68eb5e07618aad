package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configmap families against kube-state-metrics' own expectations ({@code internal/store/configmap_test.go}). */
class ConfigMapMetricsTest {

    @Test
    void configMapHasInfoCreatedAndNumericResourceVersion() {
        ConfigMap configMap = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("configmap2")
                .withNamespace("ns2")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withResourceVersion("123456")
                .endMetadata()
                .withData(Map.of("key", "value"))
                .build();

        assertThat(GoldenScrape.text(ConfigMapMetrics.RESOURCE, configMap)).isEqualTo("""
                # HELP kube_configmap_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_configmap_annotations gauge
                # HELP kube_configmap_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_configmap_labels gauge
                # HELP kube_configmap_info [STABLE] Information about configmap.
                # TYPE kube_configmap_info gauge
                kube_configmap_info{namespace="ns2",configmap="configmap2"} 1
                # HELP kube_configmap_created [STABLE] Unix creation timestamp
                # TYPE kube_configmap_created gauge
                kube_configmap_created{namespace="ns2",configmap="configmap2"} 1.5e+09
                # HELP kube_configmap_metadata_resource_version Resource version representing a specific version of the configmap.
                # TYPE kube_configmap_metadata_resource_version gauge
                kube_configmap_metadata_resource_version{namespace="ns2",configmap="configmap2"} 123456
                """);
    }

    @Test
    void nonNumericResourceVersionHasNoSampleAndAllowlistedMetadataIsWritten() {
        ConfigMap configMap = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("configmap1")
                .withNamespace("ns1")
                .withResourceVersion("BBBBB")
                .withLabels(Map.of("app", "web"))
                .withAnnotations(Map.of("app.k8s.io/owner", "@foo"))
                .endMetadata()
                .build();

        assertThat(FamilyScrape.withAllowlists(
                        ConfigMapMetrics.RESOURCE,
                        List.of(
                                "kube_configmap_annotations",
                                "kube_configmap_labels",
                                "kube_configmap_metadata_resource_version"),
                        Map.of("configmaps", List.of("*")),
                        Map.of("configmaps", List.of("app.k8s.io/owner")),
                        configMap))
                .isEqualTo("""
                        # HELP kube_configmap_annotations Kubernetes annotations converted to Prometheus labels.
                        # TYPE kube_configmap_annotations gauge
                        kube_configmap_annotations{namespace="ns1",configmap="configmap1",annotation_app_k8s_io_owner="@foo"} 1
                        # HELP kube_configmap_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                        # TYPE kube_configmap_labels gauge
                        kube_configmap_labels{namespace="ns1",configmap="configmap1",label_app="web"} 1
                        # HELP kube_configmap_metadata_resource_version Resource version representing a specific version of the configmap.
                        # TYPE kube_configmap_metadata_resource_version gauge
                        """);
    }
}
