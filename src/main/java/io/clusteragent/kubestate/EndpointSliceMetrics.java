package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.ForZone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The endpointslice families, ported from kube-state-metrics' {@code internal/store/endpointslice.go}. */
final class EndpointSliceMetrics {

    static final KubeStateResource<EndpointSlice> RESOURCE =
            new KubeStateResource<>("endpointslices", EndpointSlice.class, EndpointSliceMetrics::families);

    private static final DefaultLabels<EndpointSlice> DEFAULT_LABELS = DefaultLabels.of(
            List.of("endpointslice", "namespace"),
            s -> Arrays.asList(s.getMetadata().getName(), s.getMetadata().getNamespace()));
    private static final List<String> ENDPOINT_KEYS = List.of(
            "ready",
            "serving",
            "hostname",
            "terminating",
            "targetref_kind",
            "targetref_name",
            "targetref_namespace",
            "endpoint_nodename",
            "endpoint_zone",
            "address");
    private static final EndpointConditions NO_CONDITIONS = new EndpointConditions();
    private static final ObjectReference NO_TARGET = new ObjectReference();

    private EndpointSliceMetrics() {}

    static List<FamilyGenerator<EndpointSlice>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                FamilyGenerator.alpha(
                        "kube_endpointslice_info",
                        "Information about endpointslice.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(s -> List.of(Metric.of("addresstype", s.getAddressType(), 1)))),
                MetadataFamilies.created("kube_endpointslice_created", Stability.ALPHA, DEFAULT_LABELS),
                FamilyGenerator.alpha(
                        "kube_endpointslice_endpoints_hints",
                        "Topology routing hints attached to endpoints",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(EndpointSliceMetrics::hints)),
                FamilyGenerator.alpha(
                        "kube_endpointslice_endpoints",
                        "Endpoints attached to the endpointslice.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(EndpointSliceMetrics::endpoints)),
                FamilyGenerator.alpha(
                        "kube_endpointslice_ports",
                        "Ports attached to the endpointslice.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(s -> SampleShapes.each(s.getPorts(), EndpointSliceMetrics::port))),
                MetadataFamilies.annotations("kube_endpointslice_annotations", DEFAULT_LABELS, allowAnnotations),
                MetadataFamilies.labels("kube_endpointslice_labels", Stability.ALPHA, DEFAULT_LABELS, allowLabels));
    }

    /** One series per zone hint, with the endpoint's first address (the one clients are told to use). */
    private static List<Metric> hints(EndpointSlice slice) {
        List<Metric> metrics = new ArrayList<>();
        for (Endpoint endpoint : SampleShapes.orEmpty(slice.getEndpoints())) {
            if (endpoint.getHints() == null
                    || SampleShapes.orEmpty(endpoint.getHints().getForZones()).isEmpty()
                    || SampleShapes.orEmpty(endpoint.getAddresses()).isEmpty()) {
                continue;
            }
            String address = endpoint.getAddresses().get(0);
            for (ForZone zone : endpoint.getHints().getForZones()) {
                metrics.add(new Metric(List.of("address", "for_zone"), Arrays.asList(address, zone.getName()), 1));
            }
        }
        return metrics;
    }

    /** One series per address of every endpoint; unset conditions and pointers are empty labels. */
    private static List<Metric> endpoints(EndpointSlice slice) {
        List<Metric> metrics = new ArrayList<>();
        for (Endpoint endpoint : SampleShapes.orEmpty(slice.getEndpoints())) {
            EndpointConditions conditions = endpoint.getConditions() == null ? NO_CONDITIONS : endpoint.getConditions();
            ObjectReference target = endpoint.getTargetRef() == null ? NO_TARGET : endpoint.getTargetRef();
            for (String address : SampleShapes.orEmpty(endpoint.getAddresses())) {
                metrics.add(new Metric(
                        ENDPOINT_KEYS,
                        Arrays.asList(
                                formatBool(conditions.getReady()),
                                formatBool(conditions.getServing()),
                                endpoint.getHostname(),
                                formatBool(conditions.getTerminating()),
                                target.getKind(),
                                target.getName(),
                                target.getNamespace(),
                                endpoint.getNodeName(),
                                endpoint.getZone(),
                                address),
                        1));
            }
        }
        return metrics;
    }

    private static Metric port(EndpointPort port) {
        return new Metric(
                List.of("port_name", "port_protocol", "port_number"),
                Arrays.asList(
                        port.getName(),
                        port.getProtocol(),
                        port.getPort() == null ? "" : String.valueOf(port.getPort())),
                1);
    }

    /** {@code strconv.FormatBool} of a set pointer, the empty string for an unset one. */
    private static String formatBool(Boolean value) {
        return value == null ? "" : value.toString();
    }
}
