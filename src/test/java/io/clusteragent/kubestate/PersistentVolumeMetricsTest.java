package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistentvolume families against kube-state-metrics' own expectations
 * ({@code internal/store/persistentvolume_test.go}).
 */
class PersistentVolumeMetricsTest {

    private static final String INFO_HEADER = """
            # HELP kube_persistentvolume_info [STABLE] Information about persistentvolume.
            # TYPE kube_persistentvolume_info gauge
            """;

    @Test
    void availableVolumeWithoutOptInHasEveryDefaultFamily() {
        PersistentVolume volume = new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName("test-pv")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .endMetadata()
                .withNewSpec()
                .withCapacity(Map.of("storage", new Quantity("5Gi")))
                .withPersistentVolumeReclaimPolicy("Retain")
                .withStorageClassName("standard")
                .withAccessModes("ReadWriteOnce", "ReadOnlyMany")
                .withNewClaimRef()
                .withName("pv-claim")
                .withNamespace("default")
                .endClaimRef()
                .withNewCsi()
                .withDriver("test-driver")
                .withVolumeHandle("test-volume-handle")
                .endCsi()
                .endSpec()
                .withNewStatus()
                .withPhase("Available")
                .endStatus()
                .build();

        assertThat(GoldenScrape.text(PersistentVolumeMetrics.RESOURCE, volume)).isEqualTo("""
                # HELP kube_persistentvolume_claim_ref [STABLE] Information about the Persistent Volume Claim Reference.
                # TYPE kube_persistentvolume_claim_ref gauge
                kube_persistentvolume_claim_ref{persistentvolume="test-pv",name="pv-claim",claim_namespace="default"} 1
                # HELP kube_persistentvolume_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_persistentvolume_annotations gauge
                # HELP kube_persistentvolume_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_persistentvolume_labels gauge
                # HELP kube_persistentvolume_status_phase [STABLE] The phase indicates if a volume is available, bound to a claim, or released by a claim.
                # TYPE kube_persistentvolume_status_phase gauge
                kube_persistentvolume_status_phase{persistentvolume="test-pv",phase="Pending"} 0
                kube_persistentvolume_status_phase{persistentvolume="test-pv",phase="Available"} 1
                kube_persistentvolume_status_phase{persistentvolume="test-pv",phase="Bound"} 0
                kube_persistentvolume_status_phase{persistentvolume="test-pv",phase="Released"} 0
                kube_persistentvolume_status_phase{persistentvolume="test-pv",phase="Failed"} 0
                """ + INFO_HEADER + """
                kube_persistentvolume_info{persistentvolume="test-pv",storageclass="standard",gce_persistent_disk_name="",ebs_volume_id="",azure_disk_name="",fc_wwids="",fc_lun="",fc_target_wwns="",iscsi_target_portal="",iscsi_iqn="",iscsi_lun="",iscsi_initiator_name="",nfs_server="",nfs_path="",csi_driver="test-driver",csi_volume_handle="test-volume-handle",local_path="",local_fs="",host_path="",host_path_type="",reclaim_policy="Retain"} 1
                # HELP kube_persistentvolume_capacity_bytes [STABLE] Persistentvolume capacity in bytes.
                # TYPE kube_persistentvolume_capacity_bytes gauge
                kube_persistentvolume_capacity_bytes{persistentvolume="test-pv"} 5.36870912e+09
                # HELP kube_persistentvolume_created Unix creation timestamp
                # TYPE kube_persistentvolume_created gauge
                kube_persistentvolume_created{persistentvolume="test-pv"} 1.5e+09
                # HELP kube_persistentvolume_deletion_timestamp Unix deletion timestamp
                # TYPE kube_persistentvolume_deletion_timestamp gauge
                # HELP kube_persistentvolume_volume_mode Volume Mode information for the PersistentVolume.
                # TYPE kube_persistentvolume_volume_mode gauge
                kube_persistentvolume_volume_mode{persistentvolume="test-pv",volumemode="Filesystem"} 1
                # HELP kube_persistentvolume_access_mode The access mode(s) specified by the persistent volume.
                # TYPE kube_persistentvolume_access_mode gauge
                kube_persistentvolume_access_mode{persistentvolume="test-pv",access_mode="ReadWriteOnce"} 1
                kube_persistentvolume_access_mode{persistentvolume="test-pv",access_mode="ReadOnlyMany"} 1
                """);
    }

    @Test
    void optedInCsiAttributesCarryTheCephMounterAndMapOptions() {
        PersistentVolume volume = new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName("test-pv-available")
                .endMetadata()
                .withNewSpec()
                .withNewCsi()
                .withDriver("test-driver")
                .withVolumeHandle("test-volume-handle")
                .withVolumeAttributes(Map.of("mounter", "rbd", "mapOptions", "krbd:rxbounce", "pool", "x"))
                .endCsi()
                .endSpec()
                .build();

        assertThat(FamilyScrape.of(
                        PersistentVolumeMetrics.RESOURCE, List.of("kube_persistentvolume_csi_attributes"), volume))
                .isEqualTo("""
                        # HELP kube_persistentvolume_csi_attributes CSI attributes of the Persistent Volume.
                        # TYPE kube_persistentvolume_csi_attributes gauge
                        kube_persistentvolume_csi_attributes{persistentvolume="test-pv-available",csi_mounter="rbd",csi_map_options="krbd:rxbounce"} 1
                        """);
    }

    @Test
    void infoNamesTheVolumeSourceFieldsOfFibreChannelIscsiAndHostPath() {
        PersistentVolume fc = new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName("fc")
                .endMetadata()
                .withNewSpec()
                .withNewFc()
                .withLun(123)
                .withTargetWWNs("0123456789abcdef", "abcdef0123456789")
                .endFc()
                .endSpec()
                .build();
        PersistentVolume iscsi = new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName("iscsi")
                .endMetadata()
                .withNewSpec()
                .withNewIscsi()
                .withTargetPortal("1.2.3.4:3260")
                .withIqn("iqn.my.test.server.target00")
                .withLun(123)
                .withInitiatorName("iqn.my.test.initiator:112233")
                .endIscsi()
                .withVolumeMode("Block")
                .endSpec()
                .build();
        PersistentVolume hostPath = new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName("hostpath")
                .endMetadata()
                .withNewSpec()
                .withNewHostPath()
                .withPath("/mnt/data")
                .withType("Directory")
                .endHostPath()
                .endSpec()
                .build();

        assertThat(FamilyScrape.of(
                        PersistentVolumeMetrics.RESOURCE,
                        List.of("kube_persistentvolume_info", "kube_persistentvolume_volume_mode"),
                        fc,
                        iscsi,
                        hostPath))
                .isEqualTo(INFO_HEADER + """
                        kube_persistentvolume_info{persistentvolume="fc",storageclass="",gce_persistent_disk_name="",ebs_volume_id="",azure_disk_name="",fc_wwids="",fc_lun="123",fc_target_wwns="0123456789abcdef,abcdef0123456789",iscsi_target_portal="",iscsi_iqn="",iscsi_lun="",iscsi_initiator_name="",nfs_server="",nfs_path="",csi_driver="",csi_volume_handle="",local_path="",local_fs="",host_path="",host_path_type="",reclaim_policy=""} 1
                        kube_persistentvolume_info{persistentvolume="hostpath",storageclass="",gce_persistent_disk_name="",ebs_volume_id="",azure_disk_name="",fc_wwids="",fc_lun="",fc_target_wwns="",iscsi_target_portal="",iscsi_iqn="",iscsi_lun="",iscsi_initiator_name="",nfs_server="",nfs_path="",csi_driver="",csi_volume_handle="",local_path="",local_fs="",host_path="/mnt/data",host_path_type="Directory",reclaim_policy=""} 1
                        kube_persistentvolume_info{persistentvolume="iscsi",storageclass="",gce_persistent_disk_name="",ebs_volume_id="",azure_disk_name="",fc_wwids="",fc_lun="",fc_target_wwns="",iscsi_target_portal="1.2.3.4:3260",iscsi_iqn="iqn.my.test.server.target00",iscsi_lun="123",iscsi_initiator_name="iqn.my.test.initiator:112233",nfs_server="",nfs_path="",csi_driver="",csi_volume_handle="",local_path="",local_fs="",host_path="",host_path_type="",reclaim_policy=""} 1
                        # HELP kube_persistentvolume_volume_mode Volume Mode information for the PersistentVolume.
                        # TYPE kube_persistentvolume_volume_mode gauge
                        kube_persistentvolume_volume_mode{persistentvolume="fc",volumemode="Filesystem"} 1
                        kube_persistentvolume_volume_mode{persistentvolume="hostpath",volumemode="Filesystem"} 1
                        kube_persistentvolume_volume_mode{persistentvolume="iscsi",volumemode="Block"} 1
                        """);
    }
}
