package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingress families against kube-state-metrics' own expectations ({@code internal/store/ingress_test.go}). */
class IngressMetricsTest {

    @Test
    void ingressWithPathsAndTlsHasOneSeriesPerPathAndPerTlsHost() {
        Ingress ingress = new IngressBuilder()
                .withNewMetadata()
                .withName("ingress4")
                .withNamespace("ns4")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withResourceVersion("abcdef")
                .endMetadata()
                .withNewSpec()
                .addNewRule()
                .withHost("somehost")
                .withNewHttp()
                .addNewPath()
                .withPath("/somepath")
                .withPathType("Exact")
                .withNewBackend()
                .withNewService()
                .withName("someservice")
                .withNewPort()
                .withNumber(1234)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .addNewPath()
                .withPath("/somepath2")
                .withNewBackend()
                .withNewResource(null, "somekind", "somename")
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .addNewTl()
                .withHosts("somehost1", "somehost2")
                .withSecretName("somesecret")
                .endTl()
                .endSpec()
                .build();

        assertThat(GoldenScrape.text(IngressMetrics.RESOURCE, ingress)).isEqualTo("""
                # HELP kube_ingress_info [STABLE] Information about ingress.
                # TYPE kube_ingress_info gauge
                kube_ingress_info{namespace="ns4",ingress="ingress4",ingressclass="_default"} 1
                # HELP kube_ingress_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_ingress_annotations gauge
                # HELP kube_ingress_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_ingress_labels gauge
                # HELP kube_ingress_created [STABLE] Unix creation timestamp
                # TYPE kube_ingress_created gauge
                kube_ingress_created{namespace="ns4",ingress="ingress4"} 1.5e+09
                # HELP kube_ingress_metadata_resource_version Resource version representing a specific version of ingress.
                # TYPE kube_ingress_metadata_resource_version gauge
                # HELP kube_ingress_path [STABLE] Ingress host, paths and backend service information.
                # TYPE kube_ingress_path gauge
                kube_ingress_path{namespace="ns4",ingress="ingress4",host="somehost",path="/somepath",path_type="Exact",service_name="someservice",service_port="1234"} 1
                kube_ingress_path{namespace="ns4",ingress="ingress4",host="somehost",path="/somepath2",path_type="",resource_api_group="",resource_kind="somekind",resource_name="somename"} 1
                # HELP kube_ingress_tls [STABLE] Ingress TLS host and secret information.
                # TYPE kube_ingress_tls gauge
                kube_ingress_tls{namespace="ns4",ingress="ingress4",tls_host="somehost1",secret="somesecret"} 1
                kube_ingress_tls{namespace="ns4",ingress="ingress4",tls_host="somehost2",secret="somesecret"} 1
                """);
    }

    @Test
    void classAnnotationWinsOverTheSpecClassName() {
        Ingress annotated = new IngressBuilder()
                .withNewMetadata()
                .withName("ingress7")
                .withNamespace("ns7")
                .withResourceVersion("123456")
                .withAnnotations(Map.of("kubernetes.io/ingress.class", "test"))
                .endMetadata()
                .withNewSpec()
                .withIngressClassName("nginx")
                .endSpec()
                .build();
        Ingress named = new IngressBuilder()
                .withNewMetadata()
                .withName("ingress6")
                .withNamespace("ns6")
                .endMetadata()
                .withNewSpec()
                .withIngressClassName("nginx")
                .endSpec()
                .build();

        assertThat(FamilyScrape.of(
                        IngressMetrics.RESOURCE,
                        List.of("kube_ingress_info", "kube_ingress_metadata_resource_version"),
                        annotated,
                        named))
                .isEqualTo("""
                        # HELP kube_ingress_info [STABLE] Information about ingress.
                        # TYPE kube_ingress_info gauge
                        kube_ingress_info{namespace="ns6",ingress="ingress6",ingressclass="nginx"} 1
                        kube_ingress_info{namespace="ns7",ingress="ingress7",ingressclass="test"} 1
                        # HELP kube_ingress_metadata_resource_version Resource version representing a specific version of ingress.
                        # TYPE kube_ingress_metadata_resource_version gauge
                        kube_ingress_metadata_resource_version{namespace="ns7",ingress="ingress7"} 123456
                        """);
    }
}
