package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon set families against kube-state-metrics' own expectations ({@code internal/store/daemonset_test.go}). */
class DaemonSetMetricsTest {

    @Test
    void daemonSetWithAllowlistedAnnotationHasEveryDefaultFamilyInSourceOrder() {
        DaemonSet ds1 = new DaemonSetBuilder()
                .withNewMetadata()
                .withName("ds1")
                .withNamespace("ns1")
                .withLabels(Map.of("app", "example1"))
                .withAnnotations(Map.of("app", "mysql-server", "app.k8s.io/owner", "@foo"))
                .withGeneration(21L)
                .endMetadata()
                .withNewStatus()
                .withCurrentNumberScheduled(15)
                .withNumberMisscheduled(10)
                .withDesiredNumberScheduled(5)
                .withNumberReady(5)
                .withObservedGeneration(2L)
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.annotations("daemonsets", "app.k8s.io/owner"), DaemonSetMetrics.RESOURCE, ds1);

        assertThat(scrape).isEqualTo("""
                # HELP kube_daemonset_created [STABLE] Unix creation timestamp
                # TYPE kube_daemonset_created gauge
                # HELP kube_daemonset_status_current_number_scheduled [STABLE] The number of nodes running at least one daemon pod and are supposed to.
                # TYPE kube_daemonset_status_current_number_scheduled gauge
                kube_daemonset_status_current_number_scheduled{namespace="ns1",daemonset="ds1"} 15
                # HELP kube_daemonset_status_desired_number_scheduled [STABLE] The number of nodes that should be running the daemon pod.
                # TYPE kube_daemonset_status_desired_number_scheduled gauge
                kube_daemonset_status_desired_number_scheduled{namespace="ns1",daemonset="ds1"} 5
                # HELP kube_daemonset_status_number_available [STABLE] The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available
                # TYPE kube_daemonset_status_number_available gauge
                kube_daemonset_status_number_available{namespace="ns1",daemonset="ds1"} 0
                # HELP kube_daemonset_status_number_misscheduled [STABLE] The number of nodes running a daemon pod but are not supposed to.
                # TYPE kube_daemonset_status_number_misscheduled gauge
                kube_daemonset_status_number_misscheduled{namespace="ns1",daemonset="ds1"} 10
                # HELP kube_daemonset_status_number_ready [STABLE] The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.
                # TYPE kube_daemonset_status_number_ready gauge
                kube_daemonset_status_number_ready{namespace="ns1",daemonset="ds1"} 5
                # HELP kube_daemonset_status_number_unavailable [STABLE] The number of nodes that should be running the daemon pod and have none of the daemon pod running and available
                # TYPE kube_daemonset_status_number_unavailable gauge
                kube_daemonset_status_number_unavailable{namespace="ns1",daemonset="ds1"} 0
                # HELP kube_daemonset_status_observed_generation [STABLE] The most recent generation observed by the daemon set controller.
                # TYPE kube_daemonset_status_observed_generation gauge
                kube_daemonset_status_observed_generation{namespace="ns1",daemonset="ds1"} 2
                # HELP kube_daemonset_status_updated_number_scheduled [STABLE] The total number of nodes that are running updated daemon pod
                # TYPE kube_daemonset_status_updated_number_scheduled gauge
                kube_daemonset_status_updated_number_scheduled{namespace="ns1",daemonset="ds1"} 0
                # HELP kube_daemonset_metadata_generation [STABLE] Sequence number representing a specific generation of the desired state.
                # TYPE kube_daemonset_metadata_generation gauge
                kube_daemonset_metadata_generation{namespace="ns1",daemonset="ds1"} 21
                # HELP kube_daemonset_deletion_timestamp Unix deletion timestamp
                # TYPE kube_daemonset_deletion_timestamp gauge
                # HELP kube_daemonset_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_daemonset_annotations gauge
                kube_daemonset_annotations{namespace="ns1",daemonset="ds1",annotation_app_k8s_io_owner="@foo"} 1
                # HELP kube_daemonset_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_daemonset_labels gauge
                """);
    }

    @Test
    void createdAndDeletedDaemonSetHasBothTimestamps() {
        DaemonSet ds4 = new DaemonSetBuilder()
                .withNewMetadata()
                .withName("ds4")
                .withNamespace("ns4")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withDeletionTimestamp("2027-01-15T08:00:00Z")
                .withGeneration(14L)
                .endMetadata()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.only("kube_daemonset_created", "kube_daemonset_deletion_timestamp"),
                DaemonSetMetrics.RESOURCE,
                ds4);

        assertThat(scrape).isEqualTo("""
                # HELP kube_daemonset_created [STABLE] Unix creation timestamp
                # TYPE kube_daemonset_created gauge
                kube_daemonset_created{namespace="ns4",daemonset="ds4"} 1.5e+09
                # HELP kube_daemonset_deletion_timestamp Unix deletion timestamp
                # TYPE kube_daemonset_deletion_timestamp gauge
                kube_daemonset_deletion_timestamp{namespace="ns4",daemonset="ds4"} 1.8e+09
                """);
    }
}
