package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;

import java.util.Arrays;
import java.util.List;

/** The service families, ported from kube-state-metrics' {@code internal/store/service.go}. */
final class ServiceMetrics {

    static final KubeStateResource<Service> RESOURCE =
            new KubeStateResource<>("services", Service.class, ServiceMetrics::families);

    private static final DefaultLabels<Service> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "service", "uid"),
            s -> Arrays.asList(
                    s.getMetadata().getNamespace(),
                    s.getMetadata().getName(),
                    s.getMetadata().getUid()));
    private static final ServiceSpec NO_SPEC = new ServiceSpec();

    private ServiceMetrics() {}

    static List<FamilyGenerator<Service>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                FamilyGenerator.stable(
                        "kube_service_info",
                        "Information about service.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(s -> List.of(new Metric(
                                List.of("cluster_ip", "external_name", "load_balancer_ip", "external_traffic_policy"),
                                Arrays.asList(
                                        spec(s).getClusterIP(),
                                        spec(s).getExternalName(),
                                        spec(s).getLoadBalancerIP(),
                                        spec(s).getExternalTrafficPolicy()),
                                1)))),
                MetadataFamilies.created("kube_service_created", Stability.STABLE, DEFAULT_LABELS),
                FamilyGenerator.stable(
                        "kube_service_spec_type",
                        "Type about service.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(s -> List.of(Metric.of("type", spec(s).getType(), 1)))),
                MetadataFamilies.annotations("kube_service_annotations", DEFAULT_LABELS, allowAnnotations),
                MetadataFamilies.labels("kube_service_labels", Stability.STABLE, DEFAULT_LABELS, allowLabels),
                FamilyGenerator.stable(
                        "kube_service_spec_external_ip",
                        "Service external ips. One series for each ip",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(s ->
                                SampleShapes.each(spec(s).getExternalIPs(), ip -> Metric.of("external_ip", ip, 1)))),
                FamilyGenerator.stable(
                        "kube_service_status_load_balancer_ingress",
                        "Service load balancer ingress status",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(s -> SampleShapes.each(
                                ingresses(s),
                                ingress -> new Metric(
                                        List.of("ip", "hostname"),
                                        Arrays.asList(ingress.getIp(), ingress.getHostname()),
                                        1)))),
                MetadataFamilies.deletionTimestamp("kube_service_deletion_timestamp", DEFAULT_LABELS));
    }

    private static ServiceSpec spec(Service service) {
        return service.getSpec() == null ? NO_SPEC : service.getSpec();
    }

    private static List<LoadBalancerIngress> ingresses(Service service) {
        if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null) {
            return List.of();
        }
        return service.getStatus().getLoadBalancer().getIngress();
    }
}
