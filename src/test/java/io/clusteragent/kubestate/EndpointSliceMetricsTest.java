package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpointslice families against kube-state-metrics' own expectations
 * ({@code internal/store/endpointslice_test.go}).
 */
class EndpointSliceMetricsTest {

    @Test
    void sliceWithPortsHasInfoCreatedAndOnePortSeries() {
        EndpointSlice slice = new EndpointSliceBuilder()
                .withNewMetadata()
                .withName("test_endpointslice-ports")
                .withNamespace("test")
                .withCreationTimestamp("2017-08-01T06:30:18Z")
                .endMetadata()
                .withAddressType("IPv4")
                .addNewPort()
                .withName("http")
                .withPort(80)
                .withProtocol("TCP")
                .endPort()
                .addNewPort()
                .withName("metrics")
                .withProtocol("TCP")
                .endPort()
                .build();

        assertThat(GoldenScrape.text(EndpointSliceMetrics.RESOURCE, slice)).isEqualTo("""
                # HELP kube_endpointslice_info Information about endpointslice.
                # TYPE kube_endpointslice_info gauge
                kube_endpointslice_info{endpointslice="test_endpointslice-ports",namespace="test",addresstype="IPv4"} 1
                # HELP kube_endpointslice_created Unix creation timestamp
                # TYPE kube_endpointslice_created gauge
                kube_endpointslice_created{endpointslice="test_endpointslice-ports",namespace="test"} 1.501569018e+09
                # HELP kube_endpointslice_endpoints_hints Topology routing hints attached to endpoints
                # TYPE kube_endpointslice_endpoints_hints gauge
                # HELP kube_endpointslice_endpoints Endpoints attached to the endpointslice.
                # TYPE kube_endpointslice_endpoints gauge
                # HELP kube_endpointslice_ports Ports attached to the endpointslice.
                # TYPE kube_endpointslice_ports gauge
                kube_endpointslice_ports{endpointslice="test_endpointslice-ports",namespace="test",port_name="http",port_protocol="TCP",port_number="80"} 1
                kube_endpointslice_ports{endpointslice="test_endpointslice-ports",namespace="test",port_name="metrics",port_protocol="TCP",port_number=""} 1
                # HELP kube_endpointslice_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_endpointslice_annotations gauge
                # HELP kube_endpointslice_labels Kubernetes labels converted to Prometheus labels.
                # TYPE kube_endpointslice_labels gauge
                """);
    }

    @Test
    void everyAddressIsAnEndpointSeriesAndOnlyTheFirstCarriesZoneHints() {
        EndpointSlice slice = new EndpointSliceBuilder()
                .withNewMetadata()
                .withName("test_endpointslice-endpoints")
                .withNamespace("test")
                .withAnnotations(Map.of("foo", "baz"))
                .withLabels(Map.of("foo", "bar"))
                .endMetadata()
                .withAddressType("IPv4")
                .addNewEndpoint()
                .withNodeName("node")
                .withNewConditions()
                .withReady(true)
                .withTerminating(false)
                .withServing(true)
                .endConditions()
                .withHostname("host")
                .withZone("west")
                .withAddresses("10.0.0.1", "192.168.1.10")
                .withNewHints()
                .addNewForZone()
                .withName("zone1")
                .endForZone()
                .endHints()
                .endEndpoint()
                .addNewEndpoint()
                .withNewTargetRef()
                .withKind("Pod")
                .withName("web-0")
                .withNamespace("test")
                .endTargetRef()
                .withAddresses("10.0.0.2")
                .endEndpoint()
                .build();

        assertThat(FamilyScrape.withAllowlists(
                        EndpointSliceMetrics.RESOURCE,
                        List.of(
                                "kube_endpointslice_endpoints_hints", "kube_endpointslice_endpoints",
                                "kube_endpointslice_annotations", "kube_endpointslice_labels"),
                        Map.of(),
                        Map.of("endpointslices", List.of("foo")),
                        slice))
                .isEqualTo("""
                        # HELP kube_endpointslice_endpoints_hints Topology routing hints attached to endpoints
                        # TYPE kube_endpointslice_endpoints_hints gauge
                        kube_endpointslice_endpoints_hints{endpointslice="test_endpointslice-endpoints",namespace="test",address="10.0.0.1",for_zone="zone1"} 1
                        # HELP kube_endpointslice_endpoints Endpoints attached to the endpointslice.
                        # TYPE kube_endpointslice_endpoints gauge
                        kube_endpointslice_endpoints{endpointslice="test_endpointslice-endpoints",namespace="test",ready="true",serving="true",hostname="host",terminating="false",targetref_kind="",targetref_name="",targetref_namespace="",endpoint_nodename="node",endpoint_zone="west",address="10.0.0.1"} 1
                        kube_endpointslice_endpoints{endpointslice="test_endpointslice-endpoints",namespace="test",ready="true",serving="true",hostname="host",terminating="false",targetref_kind="",targetref_name="",targetref_namespace="",endpoint_nodename="node",endpoint_zone="west",address="192.168.1.10"} 1
                        kube_endpointslice_endpoints{endpointslice="test_endpointslice-endpoints",namespace="test",ready="",serving="",hostname="",terminating="",targetref_kind="Pod",targetref_name="web-0",targetref_namespace="test",endpoint_nodename="",endpoint_zone="",address="10.0.0.2"} 1
                        # HELP kube_endpointslice_annotations Kubernetes annotations converted to Prometheus labels.
                        # TYPE kube_endpointslice_annotations gauge
                        kube_endpointslice_annotations{endpointslice="test_endpointslice-endpoints",namespace="test",annotation_foo="baz"} 1
                        # HELP kube_endpointslice_labels Kubernetes labels converted to Prometheus labels.
                        # TYPE kube_endpointslice_labels gauge
                        """);
    }
}
