package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The lease families, ported from kube-state-metrics' {@code internal/store/lease.go}. */
final class LeaseMetrics {

    private static final DefaultLabels<Lease> DEFAULT_LABELS = DefaultLabels.of(
            List.of("lease"), l -> Collections.singletonList(l.getMetadata().getName()));
    private static final List<String> OWNER_KEYS = List.of("owner_kind", "owner_name", "namespace", "lease_holder");

    static final KubeStateResource<Lease> RESOURCE = KubeStateResource.of(
            "leases",
            Lease.class,
            List.of(
                    FamilyGenerator.alpha(
                            "kube_lease_owner",
                            "Information about the Lease's owner.",
                            MetricType.GAUGE,
                            DEFAULT_LABELS.wrap(LeaseMetrics::owners)),
                    FamilyGenerator.alpha(
                            "kube_lease_renew_time",
                            "Kube lease renew time.",
                            MetricType.GAUGE,
                            DEFAULT_LABELS.wrap(LeaseMetrics::renewTime))));

    private LeaseMetrics() {}

    /** fabric8 reads the MicroTime as a date-time, so this is Go's {@code RenewTime.Unix()} directly. */
    private static List<Metric> renewTime(Lease lease) {
        ZonedDateTime renewed = lease.getSpec() == null ? null : lease.getSpec().getRenewTime();
        return renewed == null
                ? List.of()
                : List.of(Metric.of("namespace", lease.getMetadata().getNamespace(), renewed.toEpochSecond()));
    }

    /** One series per owner reference, or one with empty owner labels; each names the holder. */
    private static List<Metric> owners(Lease lease) {
        String namespace = lease.getMetadata().getNamespace();
        String holder = lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
        List<OwnerReference> owners = lease.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return List.of(new Metric(OWNER_KEYS, Arrays.asList("", "", namespace, holder), 1));
        }
        return owners.stream()
                .map(owner ->
                        new Metric(OWNER_KEYS, Arrays.asList(owner.getKind(), owner.getName(), namespace, holder), 1))
                .toList();
    }
}
