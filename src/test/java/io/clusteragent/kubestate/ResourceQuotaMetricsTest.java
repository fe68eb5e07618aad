package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The resourcequota families against kube-state-metrics' own expectations ({@code internal/store/resourcequota_test.go}). */
class ResourceQuotaMetricsTest {

    @Test
    void quotaWithoutStatusHasOnlyItsCreation() {
        ResourceQuota quota = new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName("quotaTest")
                .withNamespace("testNS")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .endMetadata()
                .withNewSpec()
                .withHard(Map.of("pods", new Quantity("9")))
                .endSpec()
                .build();

        assertThat(GoldenScrape.text(ResourceQuotaMetrics.RESOURCE, quota)).isEqualTo("""
                # HELP kube_resourcequota_created [STABLE] Unix creation timestamp
                # TYPE kube_resourcequota_created gauge
                kube_resourcequota_created{namespace="testNS",resourcequota="quotaTest"} 1.5e+09
                # HELP kube_resourcequota [STABLE] Information about resource quota.
                # TYPE kube_resourcequota gauge
                # HELP kube_resourcequota_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_resourcequota_annotations gauge
                # HELP kube_resourcequota_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_resourcequota_labels gauge
                """);
    }

    @Test
    void statusHardAndUsedAreOneSeriesPerResourceInCoresBytesAndCounts() {
        ResourceQuota quota = new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName("quotaTest")
                .withNamespace("testNS")
                .withAnnotations(Map.of("foo", "bar"))
                .withLabels(Map.of("hello", "world"))
                .endMetadata()
                .withNewStatus()
                .withHard(Map.of(
                        "cpu", new Quantity("4.3"),
                        "memory", new Quantity("2.1G"),
                        "storage", new Quantity("10G"),
                        "services.loadbalancers", new Quantity("1")))
                .withUsed(Map.of(
                        "cpu", new Quantity("2.1"),
                        "memory", new Quantity("500M"),
                        "storage", new Quantity("9G"),
                        "services.loadbalancers", new Quantity("0")))
                .endStatus()
                .build();

        assertThat(FamilyScrape.withAllowlists(
                        ResourceQuotaMetrics.RESOURCE,
                        List.of("kube_resourcequota", "kube_resourcequota_annotations", "kube_resourcequota_labels"),
                        Map.of("resourcequotas", List.of("hello")),
                        Map.of("resourcequotas", List.of("foo")),
                        quota))
                .isEqualTo("""
                        # HELP kube_resourcequota [STABLE] Information about resource quota.
                        # TYPE kube_resourcequota gauge
                        kube_resourcequota{namespace="testNS",resourcequota="quotaTest",resource="cpu",type="hard"} 4.3
                        kube_resourcequota{namespace="testNS",resourcequota="quotaTest",resource="memory",type="hard"} 2.1e+09
                        kube_resourcequota{namespace="testNS",resourcequota="quotaTest",resource="services.loadbalancers",type="hard"} 1
                        kube_resourcequota{namespace="testNS",resourcequota="quotaTest",resource="storage",type="hard"} 1e+10
                        kube_resourcequota{namespace="testNS",resourcequota="quotaTest",resource="cpu",type="used"} 2.1
                        kube_resourcequota{namespace="testNS",resourcequota="quotaTest",resource="memory",type="used"} 5e+08
                        kube_resourcequota{namespace="testNS",resourcequota="quotaTest",resource="services.loadbalancers",type="used"} 0
                        kube_resourcequota{namespace="testNS",resourcequota="quotaTest",resource="storage",type="used"} 9e+09
                        # HELP kube_resourcequota_annotations Kubernetes annotations converted to Prometheus labels.
                        # TYPE kube_resourcequota_annotations gauge
                        kube_resourcequota_annotations{namespace="testNS",resourcequota="quotaTest",annotation_foo="bar"} 1
                        # HELP kube_resourcequota_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                        # TYPE kube_resourcequota_labels gauge
                        kube_resourcequota_labels{namespace="testNS",resourcequota="quotaTest",label_hello="world"} 1
                        """);
    }
}
