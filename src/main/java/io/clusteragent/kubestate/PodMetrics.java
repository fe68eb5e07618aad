package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pod families, ported from kube-state-metrics' {@code internal/store/pod.go}, in its order. The families of
 * the pod's metadata are here; those of its containers, spec and status are in {@link PodContainerMetrics},
 * {@link PodSpecMetrics} and {@link PodStatusMetrics}.
 */
final class PodMetrics {

    static final KubeStateResource<Pod> RESOURCE = new KubeStateResource<>("pods", Pod.class, PodMetrics::families);

    static final DefaultLabels<Pod> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "pod", "uid"),
            p -> Arrays.asList(
                    p.getMetadata().getNamespace(),
                    p.getMetadata().getName(),
                    p.getMetadata().getUid()));

    private static final List<String> INFO_KEYS = List.of(
            "host_ip", "pod_ip", "node", "created_by_kind", "created_by_name", "priority_class", "host_network");
    private static final List<String> OWNER_KEYS = List.of("owner_kind", "owner_name", "owner_is_controller");
    private static final List<String> IP_KEYS = List.of("ip", "ip_family");

    private PodMetrics() {}

    static List<FamilyGenerator<Pod>> families(List<String> allowAnnotations, List<String> allowLabels) {
        List<FamilyGenerator<Pod>> families = new ArrayList<>();
        families.add(PodStatusMetrics.completionTime());
        families.addAll(PodContainerMetrics.families(PodContainerMetrics.Kind.CONTAINERS));
        families.add(FamilyGenerator.stable(
                "kube_pod_created",
                "Unix creation timestamp",
                MetricType.GAUGE,
                DEFAULT_LABELS.wrap(p -> Timestamps.unixSeconds(p.getMetadata().getCreationTimestamp()))));
        families.add(FamilyGenerator.alpha(
                "kube_pod_deletion_timestamp",
                "Unix deletion timestamp",
                MetricType.GAUGE,
                DEFAULT_LABELS.wrap(p -> Timestamps.unixSeconds(p.getMetadata().getDeletionTimestamp()))));
        families.add(FamilyGenerator.stable(
                "kube_pod_info", "Information about pod.", MetricType.GAUGE, DEFAULT_LABELS.wrap(PodMetrics::info)));
        families.add(FamilyGenerator.alpha(
                "kube_pod_ips", "Pod IP addresses", MetricType.GAUGE, DEFAULT_LABELS.wrap(PodMetrics::ips)));
        families.addAll(PodContainerMetrics.families(PodContainerMetrics.Kind.INIT_CONTAINERS));
        families.add(FamilyGenerator.alpha(
                "kube_pod_annotations",
                "Kubernetes annotations converted to Prometheus labels.",
                MetricType.GAUGE,
                DEFAULT_LABELS.wrap(p ->
                        PrometheusLabels.family("annotation", p.getMetadata().getAnnotations(), allowAnnotations))));
        families.add(FamilyGenerator.stable(
                "kube_pod_labels",
                "Kubernetes labels converted to Prometheus labels.",
                MetricType.GAUGE,
                DEFAULT_LABELS.wrap(
                        p -> PrometheusLabels.family("label", p.getMetadata().getLabels(), allowLabels))));
        families.add(PodSpecMetrics.overheadCpuCores());
        families.add(PodSpecMetrics.overheadMemoryBytes());
        families.add(FamilyGenerator.stable(
                "kube_pod_owner",
                "Information about the Pod's owner.",
                MetricType.GAUGE,
                DEFAULT_LABELS.wrap(PodMetrics::owners)));
        families.add(PodSpecMetrics.resourceClaimInfo());
        families.add(PodSpecMetrics.restartPolicy());
        families.add(PodSpecMetrics.runtimeClassName());
        families.add(PodSpecMetrics.volumeClaimsInfo());
        families.add(PodSpecMetrics.volumeClaimsReadonly());
        families.addAll(PodStatusMetrics.families());
        families.add(PodSpecMetrics.tolerations());
        families.add(PodSpecMetrics.nodeSelectors());
        families.add(PodSpecMetrics.serviceAccount());
        families.add(PodSpecMetrics.scheduler());
        return List.copyOf(families);
    }

    /** The created-by labels name the controlling owner ({@code metav1.GetControllerOf}), empty without one. */
    private static List<Metric> info(Pod pod) {
        PodSpec spec = PodFields.spec(pod);
        PodStatus status = PodFields.status(pod);
        OwnerReference controller = controllerOf(pod.getMetadata());
        return List.of(new Metric(
                INFO_KEYS,
                Arrays.asList(
                        status.getHostIP(),
                        status.getPodIP(),
                        spec.getNodeName(),
                        controller == null ? "" : controller.getKind(),
                        controller == null ? "" : controller.getName(),
                        spec.getPriorityClassName(),
                        Boolean.toString(Boolean.TRUE.equals(spec.getHostNetwork()))),
                1));
    }

    private static OwnerReference controllerOf(ObjectMeta meta) {
        for (OwnerReference owner : PodFields.orEmpty(meta.getOwnerReferences())) {
            if (Boolean.TRUE.equals(owner.getController())) {
                return owner;
            }
        }
        return null;
    }

    /** One sample per owner; a bare pod has one sample with all three owner labels empty. */
    private static List<Metric> owners(Pod pod) {
        List<OwnerReference> owners = PodFields.orEmpty(pod.getMetadata().getOwnerReferences());
        if (owners.isEmpty()) {
            return List.of(new Metric(OWNER_KEYS, List.of("", "", ""), 1));
        }
        List<Metric> metrics = new ArrayList<>(owners.size());
        for (OwnerReference owner : owners) {
            String isController = Boolean.toString(Boolean.TRUE.equals(owner.getController()));
            metrics.add(new Metric(OWNER_KEYS, Arrays.asList(owner.getKind(), owner.getName(), isController), 1));
        }
        return metrics;
    }

    /** One sample per pod IP that parses as an address, with its family; others are left out. */
    private static List<Metric> ips(Pod pod) {
        List<Metric> metrics = new ArrayList<>();
        for (PodIP ip : PodFields.orEmpty(PodFields.status(pod).getPodIPs())) {
            String family = IpFamily.of(ip.getIp());
            if (family != null) {
                metrics.add(new Metric(IP_KEYS, Arrays.asList(ip.getIp(), family), 1));
            }
        }
        return metrics;
    }
}
