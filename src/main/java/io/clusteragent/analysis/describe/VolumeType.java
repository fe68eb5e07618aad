package io.clusteragent.analysis.describe;

import io.fabric8.kubernetes.api.model.Volume;

import java.util.function.Function;

/**
 * The volume kinds a pod can use, as one table: the name shown, the pod spec field that holds the
 * source, and how to summarize it. Kinds whose source says little beyond its type (in-tree cloud
 * disks, most of them deprecated) have no summary.
 */
enum VolumeType {
    CONFIG_MAP("ConfigMap", "configMap", Volume::getConfigMap, VolumeSources.ConfigMapVolume::of),
    SECRET("Secret", "secret", Volume::getSecret, VolumeSources.SecretVolume::of),
    PERSISTENT_VOLUME_CLAIM(
            "PersistentVolumeClaim",
            "persistentVolumeClaim",
            Volume::getPersistentVolumeClaim,
            VolumeSources.ClaimVolume::of),
    EMPTY_DIR("EmptyDir", "emptyDir", Volume::getEmptyDir, VolumeSources.EmptyDirVolume::of),
    HOST_PATH("HostPath", "hostPath", Volume::getHostPath, VolumeSources.HostPathVolume::of),
    PROJECTED("Projected", "projected", Volume::getProjected, VolumeSources.ProjectedVolume::of),
    DOWNWARD_API("DownwardAPI", "downwardAPI", Volume::getDownwardAPI, VolumeSources.DownwardApiVolume::of),
    CSI("CSI", "csi", Volume::getCsi, VolumeSources.CsiVolume::of),
    EPHEMERAL("Ephemeral", "ephemeral", Volume::getEphemeral, VolumeSources.EphemeralVolume::of),
    NFS("NFS", "nfs", Volume::getNfs, VolumeSources.NfsVolume::of),
    IMAGE("Image", "image", Volume::getImage, VolumeSources.ImageVolume::of),
    AWS_ELASTIC_BLOCK_STORE("AWSElasticBlockStore", "awsElasticBlockStore", Volume::getAwsElasticBlockStore, s -> null),
    AZURE_DISK("AzureDisk", "azureDisk", Volume::getAzureDisk, s -> null),
    AZURE_FILE("AzureFile", "azureFile", Volume::getAzureFile, s -> null),
    CEPH_FS("CephFS", "cephfs", Volume::getCephfs, s -> null),
    CINDER("Cinder", "cinder", Volume::getCinder, s -> null),
    FC("FC", "fc", Volume::getFc, s -> null),
    FLEX_VOLUME("FlexVolume", "flexVolume", Volume::getFlexVolume, s -> null),
    FLOCKER("Flocker", "flocker", Volume::getFlocker, s -> null),
    GCE_PERSISTENT_DISK("GCEPersistentDisk", "gcePersistentDisk", Volume::getGcePersistentDisk, s -> null),
    GIT_REPO("GitRepo", "gitRepo", Volume::getGitRepo, s -> null),
    GLUSTERFS("Glusterfs", "glusterfs", Volume::getGlusterfs, s -> null),
    ISCSI("ISCSI", "iscsi", Volume::getIscsi, s -> null),
    PHOTON_PERSISTENT_DISK("PhotonPersistentDisk", "photonPersistentDisk", Volume::getPhotonPersistentDisk, s -> null),
    PORTWORX_VOLUME("PortworxVolume", "portworxVolume", Volume::getPortworxVolume, s -> null),
    QUOBYTE("Quobyte", "quobyte", Volume::getQuobyte, s -> null),
    RBD("RBD", "rbd", Volume::getRbd, s -> null),
    SCALE_IO("ScaleIO", "scaleIO", Volume::getScaleIO, s -> null),
    STORAGE_OS("StorageOS", "storageos", Volume::getStorageos, s -> null),
    VSPHERE_VOLUME("VsphereVolume", "vsphereVolume", Volume::getVsphereVolume, s -> null);

    private final String typeName;
    private final String sourceKey;
    private final Function<Volume, Object> field;
    private final Function<Volume, Object> summary;

    <S> VolumeType(String typeName, String sourceKey, Function<Volume, S> field, Function<S, ?> summarize) {
        this.typeName = typeName;
        this.sourceKey = sourceKey;
        this.field = field::apply;
        this.summary = volume -> summarize.apply(field.apply(volume));
    }

    String typeName() {
        return typeName;
    }

    String sourceKey() {
        return sourceKey;
    }

    boolean matches(Volume volume) {
        return field.apply(volume) != null;
    }

    /** The summary of this kind's source in {@code volume}; only call when {@link #matches(Volume)}. */
    Object summarize(Volume volume) {
        return summary.apply(volume);
    }
}
