package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodResourceClaimStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/** The pod families read from {@code pod.spec} (besides its containers): how and where the pod is to run. */
final class PodSpecMetrics {

    private static final List<String> VOLUME_KEYS = List.of("volume", "persistentvolumeclaim", "ephemeral");
    private static final List<String> CLAIM_KEYS =
            List.of("claim_name", "resourceclaim_name", "resourceclaim_template_name");
    private static final List<String> TOLERATION_KEYS =
            List.of("key", "operator", "value", "effect", "toleration_seconds");

    private PodSpecMetrics() {}

    static FamilyGenerator<Pod> overheadCpuCores() {
        return FamilyGenerator.alpha(
                "kube_pod_overhead_cpu_cores",
                "The pod overhead in regards to cpu cores associated with running a pod.",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(p -> overhead(p, "cpu", ContainerResources::cores)));
    }

    static FamilyGenerator<Pod> overheadMemoryBytes() {
        return FamilyGenerator.alpha(
                "kube_pod_overhead_memory_bytes",
                "The pod overhead in regards to memory associated with running a pod.",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(p -> overhead(p, "memory", q -> ContainerResources.units("memory", q))));
    }

    static FamilyGenerator<Pod> resourceClaimInfo() {
        return FamilyGenerator.alpha(
                "kube_pod_resourceclaim_info",
                "Information about a DRA ResourceClaim referenced by a pod, one series per pod.spec.resourceClaims "
                        + "entry; claim_name is the pod-local reference and resourceclaim_name is the resolved "
                        + "ResourceClaim object name.",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(PodSpecMetrics::resourceClaims));
    }

    static FamilyGenerator<Pod> restartPolicy() {
        return FamilyGenerator.stable(
                "kube_pod_restart_policy",
                "Describes the restart policy in use by this pod.",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(
                        p -> List.of(Metric.of("type", PodFields.spec(p).getRestartPolicy(), 1))));
    }

    static FamilyGenerator<Pod> runtimeClassName() {
        return FamilyGenerator.alpha(
                "kube_pod_runtimeclass_name_info",
                "The runtimeclass associated with the pod.",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(p -> PodFields.spec(p).getRuntimeClassName() == null
                        ? List.of()
                        : List.of(
                                Metric.of("runtimeclass_name", PodFields.spec(p).getRuntimeClassName(), 1))));
    }

    static FamilyGenerator<Pod> volumeClaimsInfo() {
        return FamilyGenerator.stable(
                "kube_pod_spec_volumes_persistentvolumeclaims_info",
                "Information about persistentvolumeclaim and ephemeral volumes in a pod.",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(p -> volumeClaims(p, (volume, ephemeral) -> 1.0)));
    }

    static FamilyGenerator<Pod> volumeClaimsReadonly() {
        return FamilyGenerator.stable(
                "kube_pod_spec_volumes_persistentvolumeclaims_readonly",
                "Describes whether a persistentvolumeclaim is mounted read only. Ephemeral volumes always report 0 "
                        + "since the ephemeral volume source does not support a read-only flag.",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(p -> volumeClaims(
                        p,
                        (volume, ephemeral) -> ephemeral
                                ? 0.0
                                : Metric.bool(Boolean.TRUE.equals(
                                        volume.getPersistentVolumeClaim().getReadOnly())))));
    }

    static FamilyGenerator<Pod> tolerations() {
        return FamilyGenerator.alpha(
                "kube_pod_tolerations",
                "Information about the pod tolerations",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(PodSpecMetrics::tolerations));
    }

    /** Opt-in ({@code NewOptInFamilyGenerator}): every node selector, sanitized as labels are. */
    static FamilyGenerator<Pod> nodeSelectors() {
        return new FamilyGenerator<>(
                "kube_pod_nodeselectors",
                "Describes the Pod nodeSelectors.",
                MetricType.GAUGE,
                Stability.ALPHA,
                "",
                true,
                PodMetrics.DEFAULT_LABELS.wrap(p -> List.of(PrometheusLabels.toPrometheus(
                        "nodeselector",
                        PodFields.spec(p).getNodeSelector() == null
                                ? Map.of()
                                : PodFields.spec(p).getNodeSelector(),
                        1))));
    }

    static FamilyGenerator<Pod> serviceAccount() {
        return FamilyGenerator.alpha(
                "kube_pod_service_account",
                "The service account for a pod.",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(p ->
                        List.of(Metric.of("service_account", PodFields.spec(p).getServiceAccountName(), 1))));
    }

    static FamilyGenerator<Pod> scheduler() {
        return FamilyGenerator.alpha(
                "kube_pod_scheduler",
                "The scheduler for a pod.",
                MetricType.GAUGE,
                PodMetrics.DEFAULT_LABELS.wrap(
                        p -> List.of(Metric.of("name", PodFields.spec(p).getSchedulerName(), 1))));
    }

    private static List<Metric> overhead(Pod pod, String resource, ToDoubleFunction<Quantity> value) {
        Map<String, Quantity> overhead = PodFields.spec(pod).getOverhead();
        if (overhead == null || !overhead.containsKey(resource)) {
            return List.of();
        }
        return List.of(Metric.of(value.applyAsDouble(overhead.get(resource))));
    }

    /**
     * One sample per claim entry that names a claim or a template; a template's claim name is the one the kubelet
     * resolved into {@code status.resourceClaimStatuses}, empty while pending.
     */
    private static List<Metric> resourceClaims(Pod pod) {
        List<PodResourceClaim> claims = PodFields.orEmpty(PodFields.spec(pod).getResourceClaims());
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<String, String> resolved = new HashMap<>();
        for (PodResourceClaimStatus status :
                PodFields.orEmpty(PodFields.status(pod).getResourceClaimStatuses())) {
            if (status.getResourceClaimName() != null) {
                resolved.put(status.getName(), status.getResourceClaimName());
            }
        }
        List<Metric> metrics = new ArrayList<>(claims.size());
        for (PodResourceClaim claim : claims) {
            if (claim.getResourceClaimName() == null && claim.getResourceClaimTemplateName() == null) {
                continue;
            }
            String claimName =
                    claim.getResourceClaimName() != null ? claim.getResourceClaimName() : resolved.get(claim.getName());
            metrics.add(new Metric(
                    CLAIM_KEYS, Arrays.asList(claim.getName(), claimName, claim.getResourceClaimTemplateName()), 1));
        }
        return metrics;
    }

    /**
     * One sample per persistentvolumeclaim or ephemeral volume; an ephemeral volume's claim is named
     * {@code <pod>-<volume>} ({@code ephemeral.VolumeClaimName}).
     */
    private static List<Metric> volumeClaims(Pod pod, BiFunction<Volume, Boolean, Double> value) {
        List<Metric> metrics = new ArrayList<>();
        for (Volume volume : PodFields.orEmpty(PodFields.spec(pod).getVolumes())) {
            if (volume.getPersistentVolumeClaim() != null) {
                metrics.add(new Metric(
                        VOLUME_KEYS,
                        Arrays.asList(
                                volume.getName(),
                                volume.getPersistentVolumeClaim().getClaimName(),
                                "false"),
                        value.apply(volume, false)));
            } else if (volume.getEphemeral() != null) {
                String claim = pod.getMetadata().getName() + "-" + volume.getName();
                metrics.add(new Metric(
                        VOLUME_KEYS, Arrays.asList(volume.getName(), claim, "true"), value.apply(volume, true)));
            }
        }
        return metrics;
    }

    /** One sample per distinct toleration (key, operator, value, effect and seconds alike count once). */
    private static List<Metric> tolerations(Pod pod) {
        Set<List<String>> unique = new LinkedHashSet<>();
        for (Toleration toleration : PodFields.orEmpty(PodFields.spec(pod).getTolerations())) {
            // Go strings: an absent field and an empty one are the same toleration.
            unique.add(Stream.of(
                            toleration.getKey(),
                            toleration.getOperator(),
                            toleration.getValue(),
                            toleration.getEffect(),
                            toleration.getTolerationSeconds())
                    .map(field -> Objects.toString(field, ""))
                    .toList());
        }
        List<Metric> metrics = new ArrayList<>(unique.size());
        for (List<String> values : unique) {
            metrics.add(new Metric(TOLERATION_KEYS, values, 1));
        }
        return metrics;
    }
}
