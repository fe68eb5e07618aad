package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stateful set families against kube-state-metrics' own expectations ({@code internal/store/statefulset_test.go}). */
class StatefulSetMetricsTest {

    @Test
    void statefulSetHasEveryDefaultFamilyInSourceOrder() {
        StatefulSet statefulSet1 = new StatefulSetBuilder()
                .withNewMetadata()
                .withName("statefulset1")
                .withNamespace("ns1")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withLabels(Map.of("app", "example1"))
                .withGeneration(3L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withServiceName("statefulset1service")
                .endSpec()
                .withNewStatus()
                .withObservedGeneration(1L)
                .withReplicas(2)
                .withUpdateRevision("ur1")
                .withCurrentRevision("cr1")
                .endStatus()
                .build();

        assertThat(GoldenScrape.text(StatefulSetMetrics.RESOURCE, statefulSet1)).isEqualTo("""
                # HELP kube_statefulset_created [STABLE] Unix creation timestamp
                # TYPE kube_statefulset_created gauge
                kube_statefulset_created{namespace="ns1",statefulset="statefulset1"} 1.5e+09
                # HELP kube_statefulset_status_replicas [STABLE] The number of replicas per StatefulSet.
                # TYPE kube_statefulset_status_replicas gauge
                kube_statefulset_status_replicas{namespace="ns1",statefulset="statefulset1"} 2
                # HELP kube_statefulset_status_replicas_available [STABLE] The number of available replicas per StatefulSet.
                # TYPE kube_statefulset_status_replicas_available gauge
                kube_statefulset_status_replicas_available{namespace="ns1",statefulset="statefulset1"} 0
                # HELP kube_statefulset_status_replicas_current [STABLE] The number of current replicas per StatefulSet.
                # TYPE kube_statefulset_status_replicas_current gauge
                kube_statefulset_status_replicas_current{namespace="ns1",statefulset="statefulset1"} 0
                # HELP kube_statefulset_status_replicas_ready [STABLE] The number of ready replicas per StatefulSet.
                # TYPE kube_statefulset_status_replicas_ready gauge
                kube_statefulset_status_replicas_ready{namespace="ns1",statefulset="statefulset1"} 0
                # HELP kube_statefulset_status_replicas_updated [STABLE] The number of updated replicas per StatefulSet.
                # TYPE kube_statefulset_status_replicas_updated gauge
                kube_statefulset_status_replicas_updated{namespace="ns1",statefulset="statefulset1"} 0
                # HELP kube_statefulset_status_observed_generation [STABLE] The generation observed by the StatefulSet controller.
                # TYPE kube_statefulset_status_observed_generation gauge
                kube_statefulset_status_observed_generation{namespace="ns1",statefulset="statefulset1"} 1
                # HELP kube_statefulset_replicas [STABLE] Number of desired pods for a StatefulSet.
                # TYPE kube_statefulset_replicas gauge
                kube_statefulset_replicas{namespace="ns1",statefulset="statefulset1"} 3
                # HELP kube_statefulset_ordinals_start [STABLE] Start ordinal of the StatefulSet.
                # TYPE kube_statefulset_ordinals_start gauge
                # HELP kube_statefulset_metadata_generation [STABLE] Sequence number representing a specific generation of the desired state for the StatefulSet.
                # TYPE kube_statefulset_metadata_generation gauge
                kube_statefulset_metadata_generation{namespace="ns1",statefulset="statefulset1"} 3
                # HELP kube_statefulset_persistentvolumeclaim_retention_policy [STABLE] Count of retention policy for StatefulSet template PVCs
                # TYPE kube_statefulset_persistentvolumeclaim_retention_policy gauge
                # HELP kube_statefulset_annotations [STABLE] Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_statefulset_annotations gauge
                # HELP kube_statefulset_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_statefulset_labels gauge
                # HELP kube_statefulset_status_current_revision [STABLE] Indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).
                # TYPE kube_statefulset_status_current_revision gauge
                kube_statefulset_status_current_revision{namespace="ns1",statefulset="statefulset1",revision="cr1"} 1
                # HELP kube_statefulset_status_update_revision [STABLE] Indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)
                # TYPE kube_statefulset_status_update_revision gauge
                kube_statefulset_status_update_revision{namespace="ns1",statefulset="statefulset1",revision="ur1"} 1
                # HELP kube_statefulset_deletion_timestamp [STABLE] Unix deletion timestamp
                # TYPE kube_statefulset_deletion_timestamp gauge
                """);
    }

    @Test
    void retentionPolicyNamesBothPolicies() {
        StatefulSet statefulSet4 = new StatefulSetBuilder()
                .withNewMetadata()
                .withName("statefulset4")
                .withNamespace("ns4")
                .withGeneration(1L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenDeleted("Retain")
                .withWhenScaled("Delete")
                .endPersistentVolumeClaimRetentionPolicy()
                .endSpec()
                .build();

        assertThat(ScrapeSettings.scrape(
                        ScrapeSettings.only("kube_statefulset_persistentvolumeclaim_retention_policy"),
                        StatefulSetMetrics.RESOURCE,
                        statefulSet4))
                .isEqualTo("""
                        # HELP kube_statefulset_persistentvolumeclaim_retention_policy [STABLE] Count of retention policy for StatefulSet template PVCs
                        # TYPE kube_statefulset_persistentvolumeclaim_retention_policy gauge
                        kube_statefulset_persistentvolumeclaim_retention_policy{namespace="ns4",statefulset="statefulset4",when_deleted="Retain",when_scaled="Delete"} 1
                        """);
    }

    @Test
    void ordinalsStartIsReportedWhenSet() {
        StatefulSet statefulSet5 = new StatefulSetBuilder()
                .withNewMetadata()
                .withName("statefulset5")
                .withNamespace("ns5")
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withNewOrdinals()
                .withStart(2)
                .endOrdinals()
                .endSpec()
                .withNewStatus()
                .withReplicas(3)
                .withUpdateRevision("ur5")
                .withCurrentRevision("cr5")
                .endStatus()
                .build();

        assertThat(ScrapeSettings.scrape(
                        ScrapeSettings.only("kube_statefulset_ordinals_start"),
                        StatefulSetMetrics.RESOURCE,
                        statefulSet5))
                .isEqualTo("""
                        # HELP kube_statefulset_ordinals_start [STABLE] Start ordinal of the StatefulSet.
                        # TYPE kube_statefulset_ordinals_start gauge
                        kube_statefulset_ordinals_start{namespace="ns5",statefulset="statefulset5"} 2
                        """);
    }

    @Test
    void deletedStatefulSetHasDeletionTimestamp() {
        StatefulSet statefulSet6 = new StatefulSetBuilder()
                .withNewMetadata()
                .withName("statefulset6")
                .withNamespace("ns6")
                .withDeletionTimestamp("2027-01-15T08:00:00Z")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .build();

        assertThat(ScrapeSettings.scrape(
                        ScrapeSettings.only("kube_statefulset_deletion_timestamp"),
                        StatefulSetMetrics.RESOURCE,
                        statefulSet6))
                .isEqualTo("""
                        # HELP kube_statefulset_deletion_timestamp [STABLE] Unix deletion timestamp
                        # TYPE kube_statefulset_deletion_timestamp gauge
                        kube_statefulset_deletion_timestamp{namespace="ns6",statefulset="statefulset6"} 1.8e+09
                        """);
    }
}
