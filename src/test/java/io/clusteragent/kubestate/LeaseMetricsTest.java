package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The lease families against kube-state-metrics' own expectations ({@code internal/store/lease_test.go}). */
class LeaseMetricsTest {

    @Test
    void nodeLeaseNamesItsOwnerHolderAndRenewTime() {
        Lease lease = new LeaseBuilder()
                .withNewMetadata()
                .withName("kube-master")
                .withNamespace("default")
                .withGeneration(2L)
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .addNewOwnerReference()
                .withKind("Node")
                .withName("kube-master")
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withRenewTime(ZonedDateTime.parse("2017-07-14T02:40:00.123456Z"))
                .withHolderIdentity("kube-master")
                .endSpec()
                .build();

        assertThat(GoldenScrape.text(LeaseMetrics.RESOURCE, lease)).isEqualTo("""
                # HELP kube_lease_owner Information about the Lease's owner.
                # TYPE kube_lease_owner gauge
                kube_lease_owner{lease="kube-master",owner_kind="Node",owner_name="kube-master",namespace="default",lease_holder="kube-master"} 1
                # HELP kube_lease_renew_time Kube lease renew time.
                # TYPE kube_lease_renew_time gauge
                kube_lease_renew_time{lease="kube-master",namespace="default"} 1.5e+09
                """);
    }

    @Test
    void unheldLeaseWithoutOwnersStillHasOneOwnerSeriesAndNoRenewTime() {
        Lease lease = new LeaseBuilder()
                .withNewMetadata()
                .withName("leader")
                .withNamespace("kube-system")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build();

        assertThat(GoldenScrape.text(LeaseMetrics.RESOURCE, lease)).isEqualTo("""
                # HELP kube_lease_owner Information about the Lease's owner.
                # TYPE kube_lease_owner gauge
                kube_lease_owner{lease="leader",owner_kind="",owner_name="",namespace="kube-system",lease_holder=""} 1
                # HELP kube_lease_renew_time Kube lease renew time.
                # TYPE kube_lease_renew_time gauge
                """);
    }
}
