package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The replica set families against kube-state-metrics' own expectations ({@code internal/store/replicaset_test.go}). */
class ReplicaSetMetricsTest {

    @Test
    void ownedReplicaSetHasEveryDefaultFamilyInSourceOrder() {
        ReplicaSet rs1 = new ReplicaSetBuilder()
                .withNewMetadata()
                .withName("rs1")
                .withNamespace("ns1")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withGeneration(21L)
                .addNewOwnerReference()
                .withKind("Deployment")
                .withName("dp-name")
                .withController(true)
                .endOwnerReference()
                .withLabels(Map.of("app", "example1"))
                .endMetadata()
                .withNewSpec()
                .withReplicas(5)
                .endSpec()
                .withNewStatus()
                .withReplicas(5)
                .withFullyLabeledReplicas(10)
                .withReadyReplicas(5)
                .withTerminatingReplicas(3)
                .withObservedGeneration(1L)
                .endStatus()
                .build();

        assertThat(GoldenScrape.text(ReplicaSetMetrics.RESOURCE, rs1)).isEqualTo("""
                # HELP kube_replicaset_created [STABLE] Unix creation timestamp
                # TYPE kube_replicaset_created gauge
                kube_replicaset_created{namespace="ns1",replicaset="rs1"} 1.5e+09
                # HELP kube_replicaset_status_replicas [STABLE] The number of replicas per ReplicaSet.
                # TYPE kube_replicaset_status_replicas gauge
                kube_replicaset_status_replicas{namespace="ns1",replicaset="rs1"} 5
                # HELP kube_replicaset_status_fully_labeled_replicas [STABLE] The number of fully labeled replicas per ReplicaSet.
                # TYPE kube_replicaset_status_fully_labeled_replicas gauge
                kube_replicaset_status_fully_labeled_replicas{namespace="ns1",replicaset="rs1"} 10
                # HELP kube_replicaset_status_ready_replicas [STABLE] The number of ready replicas per ReplicaSet.
                # TYPE kube_replicaset_status_ready_replicas gauge
                kube_replicaset_status_ready_replicas{namespace="ns1",replicaset="rs1"} 5
                # HELP kube_replicaset_status_terminating_replicas The number of terminating replicas per ReplicaSet.
                # TYPE kube_replicaset_status_terminating_replicas gauge
                kube_replicaset_status_terminating_replicas{namespace="ns1",replicaset="rs1"} 3
                # HELP kube_replicaset_status_observed_generation [STABLE] The generation observed by the ReplicaSet controller.
                # TYPE kube_replicaset_status_observed_generation gauge
                kube_replicaset_status_observed_generation{namespace="ns1",replicaset="rs1"} 1
                # HELP kube_replicaset_spec_replicas [STABLE] Number of desired pods for a ReplicaSet.
                # TYPE kube_replicaset_spec_replicas gauge
                kube_replicaset_spec_replicas{namespace="ns1",replicaset="rs1"} 5
                # HELP kube_replicaset_metadata_generation [STABLE] Sequence number representing a specific generation of the desired state.
                # TYPE kube_replicaset_metadata_generation gauge
                kube_replicaset_metadata_generation{namespace="ns1",replicaset="rs1"} 21
                # HELP kube_replicaset_owner [STABLE] Information about the ReplicaSet's owner.
                # TYPE kube_replicaset_owner gauge
                kube_replicaset_owner{namespace="ns1",replicaset="rs1",owner_kind="Deployment",owner_name="dp-name",owner_is_controller="true"} 1
                # HELP kube_replicaset_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_replicaset_annotations gauge
                # HELP kube_replicaset_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_replicaset_labels gauge
                """);
    }

    @Test
    void bareReplicaSetHasEmptyOwnerAndNoTerminatingCount() {
        ReplicaSet rs2 = new ReplicaSetBuilder()
                .withNewMetadata()
                .withName("rs2")
                .withNamespace("ns2")
                .withGeneration(14L)
                .withLabels(Map.of("app", "example2", "env", "ex"))
                .endMetadata()
                .withNewSpec()
                .withReplicas(0)
                .endSpec()
                .withNewStatus()
                .withReplicas(0)
                .withFullyLabeledReplicas(5)
                .withReadyReplicas(0)
                .withObservedGeneration(5L)
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.only(
                        "kube_replicaset_status_terminating_replicas",
                        "kube_replicaset_spec_replicas",
                        "kube_replicaset_owner"),
                ReplicaSetMetrics.RESOURCE,
                rs2);

        assertThat(scrape).isEqualTo("""
                # HELP kube_replicaset_status_terminating_replicas The number of terminating replicas per ReplicaSet.
                # TYPE kube_replicaset_status_terminating_replicas gauge
                # HELP kube_replicaset_spec_replicas [STABLE] Number of desired pods for a ReplicaSet.
                # TYPE kube_replicaset_spec_replicas gauge
                kube_replicaset_spec_replicas{namespace="ns2",replicaset="rs2"} 0
                # HELP kube_replicaset_owner [STABLE] Information about the ReplicaSet's owner.
                # TYPE kube_replicaset_owner gauge
                kube_replicaset_owner{namespace="ns2",replicaset="rs2",owner_kind="",owner_name="",owner_is_controller=""} 1
                """);
    }

    @Test
    void ownerWithoutControllerFlagIsNotTheController() {
        ReplicaSet adopted = new ReplicaSetBuilder()
                .withNewMetadata()
                .withName("rs3")
                .withNamespace("ns3")
                .addNewOwnerReference()
                .withKind("Deployment")
                .withName("dp")
                .endOwnerReference()
                .endMetadata()
                .build();

        assertThat(ScrapeSettings.scrape(
                        ScrapeSettings.only("kube_replicaset_owner"), ReplicaSetMetrics.RESOURCE, adopted))
                .endsWith("kube_replicaset_owner{namespace=\"ns3\",replicaset=\"rs3\",owner_kind=\"Deployment\","
                        + "owner_name=\"dp\",owner_is_controller=\"false\"} 1\n");
    }
}
