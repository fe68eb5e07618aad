package io.clusteragent.kubestate;

import io.clusteragent.config.KubeStateSettings;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pod disruption budget families against kube-state-metrics' own expectations
 * ({@code internal/store/poddisruptionbudget_test.go}).
 */
class PodDisruptionBudgetMetricsTest {

    @Test
    void budgetHasEveryDefaultFamilyInSourceOrder() {
        PodDisruptionBudget pdb1 = new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("pdb1")
                .withNamespace("ns1")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withGeneration(21L)
                .endMetadata()
                .withNewStatus()
                .withCurrentHealthy(12)
                .withDesiredHealthy(10)
                .withDisruptionsAllowed(2)
                .withExpectedPods(15)
                .withObservedGeneration(111L)
                .endStatus()
                .build();

        assertThat(GoldenScrape.text(PodDisruptionBudgetMetrics.RESOURCE, pdb1)).isEqualTo("""
                # HELP kube_poddisruptionbudget_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_poddisruptionbudget_annotations gauge
                # HELP kube_poddisruptionbudget_labels Kubernetes labels converted to Prometheus labels.
                # TYPE kube_poddisruptionbudget_labels gauge
                # HELP kube_poddisruptionbudget_created [STABLE] Unix creation timestamp
                # TYPE kube_poddisruptionbudget_created gauge
                kube_poddisruptionbudget_created{namespace="ns1",poddisruptionbudget="pdb1"} 1.5e+09
                # HELP kube_poddisruptionbudget_status_current_healthy [STABLE] Current number of healthy pods
                # TYPE kube_poddisruptionbudget_status_current_healthy gauge
                kube_poddisruptionbudget_status_current_healthy{namespace="ns1",poddisruptionbudget="pdb1"} 12
                # HELP kube_poddisruptionbudget_status_desired_healthy [STABLE] Minimum desired number of healthy pods
                # TYPE kube_poddisruptionbudget_status_desired_healthy gauge
                kube_poddisruptionbudget_status_desired_healthy{namespace="ns1",poddisruptionbudget="pdb1"} 10
                # HELP kube_poddisruptionbudget_status_pod_disruptions_allowed [STABLE] Number of pod disruptions that are currently allowed
                # TYPE kube_poddisruptionbudget_status_pod_disruptions_allowed gauge
                kube_poddisruptionbudget_status_pod_disruptions_allowed{namespace="ns1",poddisruptionbudget="pdb1"} 2
                # HELP kube_poddisruptionbudget_status_expected_pods [STABLE] Total number of pods counted by this disruption budget
                # TYPE kube_poddisruptionbudget_status_expected_pods gauge
                kube_poddisruptionbudget_status_expected_pods{namespace="ns1",poddisruptionbudget="pdb1"} 15
                # HELP kube_poddisruptionbudget_status_observed_generation [STABLE] Most recent generation observed when updating this PDB status
                # TYPE kube_poddisruptionbudget_status_observed_generation gauge
                kube_poddisruptionbudget_status_observed_generation{namespace="ns1",poddisruptionbudget="pdb1"} 111
                # HELP kube_poddisruptionbudget_deletion_timestamp Unix deletion timestamp
                # TYPE kube_poddisruptionbudget_deletion_timestamp gauge
                """);
    }

    @Test
    void allowlistedLabelsAndAnnotationsAreKept() {
        PodDisruptionBudget budget = new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("pdb_with_allowed_labels_and_annotations")
                .withNamespace("ns")
                .withAnnotations(Map.of("app.k8s.io/owner", "mysql-server", "foo", "bar"))
                .withLabels(Map.of("app", "mysql-server", "hello", "world"))
                .endMetadata()
                .build();
        KubeStateSettings settings = new KubeStateSettings(
                Set.of("^kube_poddisruptionbudget_(annotations|labels)$"),
                Set.of(),
                Set.of(),
                Map.of("poddisruptionbudgets", List.of("app")),
                Map.of("poddisruptionbudgets", List.of("app.k8s.io/owner")),
                List.of(),
                List.of(),
                0,
                1);

        assertThat(ScrapeSettings.scrape(settings, PodDisruptionBudgetMetrics.RESOURCE, budget))
                .isEqualTo("""
                # HELP kube_poddisruptionbudget_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_poddisruptionbudget_annotations gauge
                kube_poddisruptionbudget_annotations{namespace="ns",poddisruptionbudget="pdb_with_allowed_labels_and_annotations",annotation_app_k8s_io_owner="mysql-server"} 1
                # HELP kube_poddisruptionbudget_labels Kubernetes labels converted to Prometheus labels.
                # TYPE kube_poddisruptionbudget_labels gauge
                kube_poddisruptionbudget_labels{namespace="ns",poddisruptionbudget="pdb_with_allowed_labels_and_annotations",label_app="mysql-server"} 1
                """);
    }

    @Test
    void deletedBudgetHasDeletionTimestamp() {
        PodDisruptionBudget pdb3 = new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("pdb3")
                .withNamespace("ns3")
                .withDeletionTimestamp("2027-01-15T08:00:00Z")
                .endMetadata()
                .withNewStatus()
                .withCurrentHealthy(8)
                .withDesiredHealthy(9)
                .endStatus()
                .build();

        assertThat(ScrapeSettings.scrape(
                        ScrapeSettings.only("kube_poddisruptionbudget_deletion_timestamp"),
                        PodDisruptionBudgetMetrics.RESOURCE,
                        pdb3))
                .isEqualTo("""
                        # HELP kube_poddisruptionbudget_deletion_timestamp Unix deletion timestamp
                        # TYPE kube_poddisruptionbudget_deletion_timestamp gauge
                        kube_poddisruptionbudget_deletion_timestamp{namespace="ns3",poddisruptionbudget="pdb3"} 1.8e+09
                        """);
    }
}
