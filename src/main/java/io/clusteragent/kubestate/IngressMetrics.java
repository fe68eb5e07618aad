package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.TypedLocalObjectReference;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The ingress families, ported from kube-state-metrics' {@code internal/store/ingress.go}. */
final class IngressMetrics {

    static final KubeStateResource<Ingress> RESOURCE =
            new KubeStateResource<>("ingresses", Ingress.class, IngressMetrics::families);

    private static final DefaultLabels<Ingress> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "ingress"),
            i -> Arrays.asList(i.getMetadata().getNamespace(), i.getMetadata().getName()));
    private static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";
    private static final List<String> SERVICE_PATH_KEYS =
            List.of("host", "path", "path_type", "service_name", "service_port");
    private static final List<String> RESOURCE_PATH_KEYS =
            List.of("host", "path", "path_type", "resource_api_group", "resource_kind", "resource_name");
    private static final IngressSpec NO_SPEC = new IngressSpec();

    private IngressMetrics() {}

    static List<FamilyGenerator<Ingress>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                FamilyGenerator.stable(
                        "kube_ingress_info",
                        "Information about ingress.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(i -> List.of(Metric.of("ingressclass", ingressClass(i), 1)))),
                MetadataFamilies.annotations("kube_ingress_annotations", DEFAULT_LABELS, allowAnnotations),
                MetadataFamilies.labels("kube_ingress_labels", Stability.STABLE, DEFAULT_LABELS, allowLabels),
                MetadataFamilies.created("kube_ingress_created", Stability.STABLE, DEFAULT_LABELS),
                MetadataFamilies.resourceVersion(
                        "kube_ingress_metadata_resource_version",
                        "Resource version representing a specific version of ingress.",
                        DEFAULT_LABELS),
                FamilyGenerator.stable(
                        "kube_ingress_path",
                        "Ingress host, paths and backend service information.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(IngressMetrics::paths)),
                FamilyGenerator.stable(
                        "kube_ingress_tls",
                        "Ingress TLS host and secret information.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(IngressMetrics::tls)));
    }

    /** The deprecated class annotation wins over {@code spec.ingressClassName}; neither is {@code _default}. */
    private static String ingressClass(Ingress ingress) {
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        if (annotations != null && annotations.containsKey(CLASS_ANNOTATION)) {
            return annotations.get(CLASS_ANNOTATION);
        }
        String className = spec(ingress).getIngressClassName();
        return className == null ? "_default" : className;
    }

    private static List<Metric> paths(Ingress ingress) {
        List<Metric> metrics = new ArrayList<>();
        for (IngressRule rule : SampleShapes.orEmpty(spec(ingress).getRules())) {
            if (rule.getHttp() != null) {
                for (HTTPIngressPath path : SampleShapes.orEmpty(rule.getHttp().getPaths())) {
                    metrics.add(path(rule.getHost(), path));
                }
            }
        }
        return metrics;
    }

    /** A service backend names the service and port number, any other the resource it points at. */
    private static Metric path(String host, HTTPIngressPath path) {
        IngressBackend backend = path.getBackend() == null ? new IngressBackend() : path.getBackend();
        IngressServiceBackend service = backend.getService();
        if (service != null) {
            Integer port = service.getPort() == null ? null : service.getPort().getNumber();
            return new Metric(
                    SERVICE_PATH_KEYS,
                    Arrays.asList(
                            host,
                            path.getPath(),
                            path.getPathType(),
                            service.getName(),
                            String.valueOf(port == null ? 0 : port)),
                    1);
        }
        // The API server never admits a backend with neither; Go would fail on it, this writes empty labels.
        TypedLocalObjectReference resource =
                backend.getResource() == null ? new TypedLocalObjectReference() : backend.getResource();
        return new Metric(
                RESOURCE_PATH_KEYS,
                Arrays.asList(
                        host,
                        path.getPath(),
                        path.getPathType(),
                        resource.getApiGroup(),
                        resource.getKind(),
                        resource.getName()),
                1);
    }

    private static List<Metric> tls(Ingress ingress) {
        List<Metric> metrics = new ArrayList<>();
        for (IngressTLS tls : SampleShapes.orEmpty(spec(ingress).getTls())) {
            for (String host : SampleShapes.orEmpty(tls.getHosts())) {
                metrics.add(new Metric(List.of("tls_host", "secret"), Arrays.asList(host, tls.getSecretName()), 1));
            }
        }
        return metrics;
    }

    private static IngressSpec spec(Ingress ingress) {
        return ingress.getSpec() == null ? NO_SPEC : ingress.getSpec();
    }
}
