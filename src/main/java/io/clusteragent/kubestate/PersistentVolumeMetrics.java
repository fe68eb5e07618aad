package io.clusteragent.kubestate;

import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.CSIPersistentVolumeSource;
import io.fabric8.kubernetes.api.model.FCVolumeSource;
import io.fabric8.kubernetes.api.model.ISCSIPersistentVolumeSource;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The persistentvolume families, ported from kube-state-metrics' {@code internal/store/persistentvolume.go}. */
final class PersistentVolumeMetrics {

    static final KubeStateResource<PersistentVolume> RESOURCE =
            new KubeStateResource<>("persistentvolumes", PersistentVolume.class, PersistentVolumeMetrics::families);

    private static final DefaultLabels<PersistentVolume> DEFAULT_LABELS = DefaultLabels.of(
            List.of("persistentvolume"),
            p -> java.util.Collections.singletonList(p.getMetadata().getName()));
    private static final List<String> PHASES = List.of("Pending", "Available", "Bound", "Released", "Failed");
    private static final List<String> INFO_KEYS = List.of(
            "storageclass",
            "gce_persistent_disk_name",
            "ebs_volume_id",
            "azure_disk_name",
            "fc_wwids",
            "fc_lun",
            "fc_target_wwns",
            "iscsi_target_portal",
            "iscsi_iqn",
            "iscsi_lun",
            "iscsi_initiator_name",
            "nfs_server",
            "nfs_path",
            "csi_driver",
            "csi_volume_handle",
            "local_path",
            "local_fs",
            "host_path",
            "host_path_type",
            "reclaim_policy");
    private static final PersistentVolumeSpec NO_SPEC = new PersistentVolumeSpec();

    private PersistentVolumeMetrics() {}

    static List<FamilyGenerator<PersistentVolume>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                FamilyGenerator.stable(
                        "kube_persistentvolume_claim_ref",
                        "Information about the Persistent Volume Claim Reference.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(PersistentVolumeMetrics::claimRef)),
                MetadataFamilies.annotations("kube_persistentvolume_annotations", DEFAULT_LABELS, allowAnnotations),
                MetadataFamilies.labels("kube_persistentvolume_labels", Stability.STABLE, DEFAULT_LABELS, allowLabels),
                FamilyGenerator.stable(
                        "kube_persistentvolume_status_phase",
                        "The phase indicates if a volume is available, bound to a claim, or released by a claim.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(p -> SampleShapes.phase(
                                PHASES,
                                p.getStatus() == null ? null : p.getStatus().getPhase()))),
                FamilyGenerator.stable(
                        "kube_persistentvolume_info",
                        "Information about persistentvolume.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(p -> List.of(new Metric(INFO_KEYS, infoValues(spec(p)), 1)))),
                FamilyGenerator.stable(
                        "kube_persistentvolume_capacity_bytes",
                        "Persistentvolume capacity in bytes.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(p -> List.of(Metric.of(capacityBytes(spec(p)))))),
                MetadataFamilies.created("kube_persistentvolume_created", Stability.ALPHA, DEFAULT_LABELS),
                MetadataFamilies.deletionTimestamp("kube_persistentvolume_deletion_timestamp", DEFAULT_LABELS),
                new FamilyGenerator<>(
                        "kube_persistentvolume_csi_attributes",
                        "CSI attributes of the Persistent Volume.",
                        MetricType.GAUGE,
                        Stability.ALPHA,
                        "",
                        true,
                        DEFAULT_LABELS.wrap(PersistentVolumeMetrics::csiAttributes)),
                FamilyGenerator.alpha(
                        "kube_persistentvolume_volume_mode",
                        "Volume Mode information for the PersistentVolume.",
                        MetricType.GAUGE,
                        // Filesystem is what the API server means when volumeMode is omitted.
                        DEFAULT_LABELS.wrap(p -> List.of(Metric.of(
                                "volumemode",
                                spec(p).getVolumeMode() == null ? "Filesystem" : spec(p).getVolumeMode(),
                                1)))),
                FamilyGenerator.alpha(
                        "kube_persistentvolume_access_mode",
                        "The access mode(s) specified by the persistent volume.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(p -> SampleShapes.each(
                                spec(p).getAccessModes(), mode -> Metric.of("access_mode", mode, 1)))));
    }

    private static List<Metric> claimRef(PersistentVolume volume) {
        ObjectReference claim = spec(volume).getClaimRef();
        return claim == null
                ? List.of()
                : List.of(new Metric(
                        List.of("name", "claim_namespace"), Arrays.asList(claim.getName(), claim.getNamespace()), 1));
    }

    /** The storage class, the one volume source's identifying fields (the first set, in Go's order), the policy. */
    private static List<String> infoValues(PersistentVolumeSpec spec) {
        String[] source = new String[INFO_KEYS.size() - 2];
        Arrays.fill(source, "");
        if (spec.getGcePersistentDisk() != null) {
            source[0] = spec.getGcePersistentDisk().getPdName();
        } else if (spec.getAwsElasticBlockStore() != null) {
            source[1] = spec.getAwsElasticBlockStore().getVolumeID();
        } else if (spec.getAzureDisk() != null) {
            source[2] = spec.getAzureDisk().getDiskName();
        } else if (spec.getFc() != null) {
            fibreChannel(spec.getFc(), source);
        } else if (spec.getIscsi() != null) {
            iscsi(spec.getIscsi(), source);
        } else if (spec.getNfs() != null) {
            source[10] = spec.getNfs().getServer();
            source[11] = spec.getNfs().getPath();
        } else if (spec.getCsi() != null) {
            source[12] = spec.getCsi().getDriver();
            source[13] = spec.getCsi().getVolumeHandle();
        } else if (spec.getLocal() != null) {
            source[14] = spec.getLocal().getPath();
            source[15] = spec.getLocal().getFsType();
        } else if (spec.getHostPath() != null) {
            source[16] = spec.getHostPath().getPath();
            source[17] = spec.getHostPath().getType();
        }
        List<String> values = new ArrayList<>(INFO_KEYS.size());
        values.add(spec.getStorageClassName());
        values.addAll(Arrays.asList(source));
        values.add(spec.getPersistentVolumeReclaimPolicy());
        return values;
    }

    private static void fibreChannel(FCVolumeSource fc, String[] source) {
        source[3] = String.join(",", SampleShapes.orEmpty(fc.getWwids()));
        source[4] = fc.getLun() == null ? "" : String.valueOf(fc.getLun());
        source[5] = String.join(",", SampleShapes.orEmpty(fc.getTargetWWNs()));
    }

    private static void iscsi(ISCSIPersistentVolumeSource iscsi, String[] source) {
        source[6] = iscsi.getTargetPortal();
        source[7] = iscsi.getIqn();
        source[8] = String.valueOf(iscsi.getLun() == null ? 0 : iscsi.getLun());
        source[9] = iscsi.getInitiatorName();
    }

    /** {@code storage.Value()} of the capacity, 0 when there is none (Go's zero Quantity). */
    private static double capacityBytes(PersistentVolumeSpec spec) {
        Map<String, io.fabric8.kubernetes.api.model.Quantity> capacity = spec.getCapacity();
        return capacity == null ? 0 : Quantities.scaled("storage", capacity.get("storage"));
    }

    /** The two attributes of the Ceph CSI driver kube-state-metrics reads, for CSI volumes only. */
    private static List<Metric> csiAttributes(PersistentVolume volume) {
        CSIPersistentVolumeSource csi = spec(volume).getCsi();
        if (csi == null) {
            return List.of();
        }
        Map<String, String> attributes = csi.getVolumeAttributes() == null ? Map.of() : csi.getVolumeAttributes();
        return List.of(new Metric(
                List.of("csi_mounter", "csi_map_options"),
                List.of(attributes.getOrDefault("mounter", ""), attributes.getOrDefault("mapOptions", "")),
                1));
    }

    private static PersistentVolumeSpec spec(PersistentVolume volume) {
        return volume.getSpec() == null ? NO_SPEC : volume.getSpec();
    }
}
