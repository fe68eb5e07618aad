package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistentvolumeclaim families against kube-state-metrics' own expectations
 * ({@code internal/store/persistentvolumeclaim_test.go}).
 */
class PersistentVolumeClaimMetricsTest {

    @Test
    void boundClaimHasEveryFamilyWithConditionsAndRequestedBytes() {
        PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("mysql-data")
                .withNamespace("default")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withAnnotations(Map.of("app", "mysql-server", "app.k8s.io/owner", "@foo"))
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName("rbd")
                .withNewResources()
                .withRequests(Map.of("storage", new Quantity("1Gi")))
                .endResources()
                .withVolumeName("pvc-mysql-data")
                .withVolumeMode("Block")
                .endSpec()
                .withNewStatus()
                .withPhase("Bound")
                .addNewCondition()
                .withType("Resizing")
                .withStatus("True")
                .endCondition()
                .addNewCondition()
                .withType("FileSystemResizePending")
                .withStatus("False")
                .endCondition()
                .endStatus()
                .build();

        String scrape = FamilyScrape.withAllowlists(
                PersistentVolumeClaimMetrics.RESOURCE,
                PersistentVolumeClaimMetrics.families(List.of(), List.of()).stream()
                        .map(FamilyGenerator::name)
                        .toList(),
                Map.of(),
                Map.of("persistentvolumeclaims", List.of("app.k8s.io/owner")),
                claim);

        assertThat(scrape).isEqualTo("""
                # HELP kube_persistentvolumeclaim_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_persistentvolumeclaim_labels gauge
                # HELP kube_persistentvolumeclaim_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_persistentvolumeclaim_annotations gauge
                kube_persistentvolumeclaim_annotations{namespace="default",persistentvolumeclaim="mysql-data",annotation_app_k8s_io_owner="@foo"} 1
                # HELP kube_persistentvolumeclaim_info [STABLE] Information about persistent volume claim.
                # TYPE kube_persistentvolumeclaim_info gauge
                kube_persistentvolumeclaim_info{namespace="default",persistentvolumeclaim="mysql-data",storageclass="rbd",volumename="pvc-mysql-data",volumemode="Block"} 1
                # HELP kube_persistentvolumeclaim_status_phase [STABLE] The phase the persistent volume claim is currently in.
                # TYPE kube_persistentvolumeclaim_status_phase gauge
                kube_persistentvolumeclaim_status_phase{namespace="default",persistentvolumeclaim="mysql-data",phase="Lost"} 0
                kube_persistentvolumeclaim_status_phase{namespace="default",persistentvolumeclaim="mysql-data",phase="Bound"} 1
                kube_persistentvolumeclaim_status_phase{namespace="default",persistentvolumeclaim="mysql-data",phase="Pending"} 0
                # HELP kube_persistentvolumeclaim_resource_requests_storage_bytes [STABLE] The capacity of storage requested by the persistent volume claim.
                # TYPE kube_persistentvolumeclaim_resource_requests_storage_bytes gauge
                kube_persistentvolumeclaim_resource_requests_storage_bytes{namespace="default",persistentvolumeclaim="mysql-data"} 1.073741824e+09
                # HELP kube_persistentvolumeclaim_access_mode [STABLE] The access mode(s) specified by the persistent volume claim.
                # TYPE kube_persistentvolumeclaim_access_mode gauge
                kube_persistentvolumeclaim_access_mode{namespace="default",persistentvolumeclaim="mysql-data",access_mode="ReadWriteOnce"} 1
                # HELP kube_persistentvolumeclaim_status_condition Information about status of different conditions of persistent volume claim.
                # TYPE kube_persistentvolumeclaim_status_condition gauge
                kube_persistentvolumeclaim_status_condition{namespace="default",persistentvolumeclaim="mysql-data",condition="Resizing",status="true"} 1
                kube_persistentvolumeclaim_status_condition{namespace="default",persistentvolumeclaim="mysql-data",condition="Resizing",status="false"} 0
                kube_persistentvolumeclaim_status_condition{namespace="default",persistentvolumeclaim="mysql-data",condition="Resizing",status="unknown"} 0
                kube_persistentvolumeclaim_status_condition{namespace="default",persistentvolumeclaim="mysql-data",condition="FileSystemResizePending",status="true"} 0
                kube_persistentvolumeclaim_status_condition{namespace="default",persistentvolumeclaim="mysql-data",condition="FileSystemResizePending",status="false"} 1
                kube_persistentvolumeclaim_status_condition{namespace="default",persistentvolumeclaim="mysql-data",condition="FileSystemResizePending",status="unknown"} 0
                # HELP kube_persistentvolumeclaim_created Unix creation timestamp
                # TYPE kube_persistentvolumeclaim_created gauge
                kube_persistentvolumeclaim_created{namespace="default",persistentvolumeclaim="mysql-data"} 1.5e+09
                # HELP kube_persistentvolumeclaim_deletion_timestamp Unix deletion timestamp
                # TYPE kube_persistentvolumeclaim_deletion_timestamp gauge
                """);
    }

    @Test
    void betaStorageClassAnnotationWinsAndTerminatingClaimHasDeletionTimestamp() {
        PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("terminating-data")
                .withDeletionTimestamp("2027-01-15T08:00:00Z")
                .withAnnotations(Map.of(PersistentVolumeClaimMetrics.BETA_STORAGE_CLASS, "slow"))
                .endMetadata()
                .withNewSpec()
                .withStorageClassName("rbd")
                .endSpec()
                .build();

        assertThat(FamilyScrape.of(
                        PersistentVolumeClaimMetrics.RESOURCE,
                        List.of(
                                "kube_persistentvolumeclaim_info",
                                "kube_persistentvolumeclaim_status_phase",
                                "kube_persistentvolumeclaim_resource_requests_storage_bytes",
                                "kube_persistentvolumeclaim_deletion_timestamp"),
                        claim))
                .isEqualTo("""
                        # HELP kube_persistentvolumeclaim_info [STABLE] Information about persistent volume claim.
                        # TYPE kube_persistentvolumeclaim_info gauge
                        kube_persistentvolumeclaim_info{namespace="",persistentvolumeclaim="terminating-data",storageclass="slow",volumename="",volumemode=""} 1
                        # HELP kube_persistentvolumeclaim_status_phase [STABLE] The phase the persistent volume claim is currently in.
                        # TYPE kube_persistentvolumeclaim_status_phase gauge
                        # HELP kube_persistentvolumeclaim_resource_requests_storage_bytes [STABLE] The capacity of storage requested by the persistent volume claim.
                        # TYPE kube_persistentvolumeclaim_resource_requests_storage_bytes gauge
                        # HELP kube_persistentvolumeclaim_deletion_timestamp Unix deletion timestamp
                        # TYPE kube_persistentvolumeclaim_deletion_timestamp gauge
                        kube_persistentvolumeclaim_deletion_timestamp{namespace="",persistentvolumeclaim="terminating-data"} 1.8e+09
                        """);
    }
}
