package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service families against kube-state-metrics' own expectations ({@code internal/store/service_test.go}). */
class ServiceMetricsTest {

    @Test
    void clusterIpServiceHasInfoCreatedAndTypeOnly() {
        Service service = new ServiceBuilder()
                .withNewMetadata()
                .withName("test-service1")
                .withNamespace("default")
                .withUid("uid1")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withLabels(Map.of("app", "example1"))
                .endMetadata()
                .withNewSpec()
                .withClusterIP("1.2.3.4")
                .withType("ClusterIP")
                .endSpec()
                .build();

        assertThat(GoldenScrape.text(ServiceMetrics.RESOURCE, service)).isEqualTo("""
                # HELP kube_service_info [STABLE] Information about service.
                # TYPE kube_service_info gauge
                kube_service_info{namespace="default",service="test-service1",uid="uid1",cluster_ip="1.2.3.4",external_name="",load_balancer_ip="",external_traffic_policy=""} 1
                # HELP kube_service_created [STABLE] Unix creation timestamp
                # TYPE kube_service_created gauge
                kube_service_created{namespace="default",service="test-service1",uid="uid1"} 1.5e+09
                # HELP kube_service_spec_type [STABLE] Type about service.
                # TYPE kube_service_spec_type gauge
                kube_service_spec_type{namespace="default",service="test-service1",uid="uid1",type="ClusterIP"} 1
                # HELP kube_service_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_service_annotations gauge
                # HELP kube_service_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_service_labels gauge
                # HELP kube_service_spec_external_ip [STABLE] Service external ips. One series for each ip
                # TYPE kube_service_spec_external_ip gauge
                # HELP kube_service_status_load_balancer_ingress [STABLE] Service load balancer ingress status
                # TYPE kube_service_status_load_balancer_ingress gauge
                # HELP kube_service_deletion_timestamp Unix deletion timestamp
                # TYPE kube_service_deletion_timestamp gauge
                """);
    }

    @Test
    void loadBalancerServiceHasExternalIpsIngressesAndDeletion() {
        Service service = new ServiceBuilder()
                .withNewMetadata()
                .withName("test-service8")
                .withNamespace("default")
                .withUid("uid8")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withDeletionTimestamp("2027-01-15T08:00:00Z")
                .withLabels(Map.of("app", "example8"))
                .endMetadata()
                .withNewSpec()
                .withClusterIP("1.2.3.12")
                .withLoadBalancerIP("1.2.3.13")
                .withType("LoadBalancer")
                .withExternalTrafficPolicy("Local")
                .withExternalIPs("1.2.3.9", "1.2.3.10")
                .endSpec()
                .withNewStatus()
                .withNewLoadBalancer()
                .addNewIngress()
                .withIp("1.2.3.8")
                .withHostname("www.example.com")
                .endIngress()
                .endLoadBalancer()
                .endStatus()
                .build();

        assertThat(FamilyScrape.withAllowlists(
                        ServiceMetrics.RESOURCE,
                        List.of(
                                "kube_service_info",
                                "kube_service_labels",
                                "kube_service_spec_external_ip",
                                "kube_service_status_load_balancer_ingress",
                                "kube_service_deletion_timestamp"),
                        Map.of("services", List.of("app")),
                        Map.of(),
                        service))
                .isEqualTo("""
                        # HELP kube_service_info [STABLE] Information about service.
                        # TYPE kube_service_info gauge
                        kube_service_info{namespace="default",service="test-service8",uid="uid8",cluster_ip="1.2.3.12",external_name="",load_balancer_ip="1.2.3.13",external_traffic_policy="Local"} 1
                        # HELP kube_service_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                        # TYPE kube_service_labels gauge
                        kube_service_labels{namespace="default",service="test-service8",uid="uid8",label_app="example8"} 1
                        # HELP kube_service_spec_external_ip [STABLE] Service external ips. One series for each ip
                        # TYPE kube_service_spec_external_ip gauge
                        kube_service_spec_external_ip{namespace="default",service="test-service8",uid="uid8",external_ip="1.2.3.9"} 1
                        kube_service_spec_external_ip{namespace="default",service="test-service8",uid="uid8",external_ip="1.2.3.10"} 1
                        # HELP kube_service_status_load_balancer_ingress [STABLE] Service load balancer ingress status
                        # TYPE kube_service_status_load_balancer_ingress gauge
                        kube_service_status_load_balancer_ingress{namespace="default",service="test-service8",uid="uid8",ip="1.2.3.8",hostname="www.example.com"} 1
                        # HELP kube_service_deletion_timestamp Unix deletion timestamp
                        # TYPE kube_service_deletion_timestamp gauge
                        kube_service_deletion_timestamp{namespace="default",service="test-service8",uid="uid8"} 1.8e+09
                        """);
    }
}
