package io.clusteragent.analysis.describe;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.CSIVolumeSource;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeSource;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EphemeralVolumeSource;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.ImageVolumeSource;
import io.fabric8.kubernetes.api.model.NFSVolumeSource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.VolumeProjection;

import java.util.List;

/**
 * Small, typed summaries of volume sources: what identifies the source, never its content. A Secret
 * volume, for one, is shown by name only: its {@code items} list which keys are projected, and that
 * is more than a diagnosis needs.
 */
public final class VolumeSources {

    private VolumeSources() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConfigMapVolume(String name, Boolean optional) {
        public static ConfigMapVolume of(ConfigMapVolumeSource source) {
            return new ConfigMapVolume(source.getName(), source.getOptional());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SecretVolume(String secretName, Boolean optional) {
        public static SecretVolume of(SecretVolumeSource source) {
            return new SecretVolume(source.getSecretName(), source.getOptional());
        }
    }

    public record ClaimVolume(String claimName, boolean readOnly) {
        public static ClaimVolume of(PersistentVolumeClaimVolumeSource source) {
            return new ClaimVolume(source.getClaimName(), Boolean.TRUE.equals(source.getReadOnly()));
        }
    }

    /** @param medium empty for the node's disk, {@code Memory} for tmpfs (which counts against the memory limit) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EmptyDirVolume(String medium, String sizeLimit) {
        public static EmptyDirVolume of(EmptyDirVolumeSource source) {
            return new EmptyDirVolume(
                    source.getMedium() == null ? "" : source.getMedium(),
                    formatted(Quantities.EPHEMERAL_STORAGE, source.getSizeLimit()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HostPathVolume(String path, String type) {
        public static HostPathVolume of(HostPathVolumeSource source) {
            return new HostPathVolume(source.getPath(), source.getType());
        }
    }

    public record ProjectedVolume(List<Projection> sources) {
        public static ProjectedVolume of(ProjectedVolumeSource source) {
            return new ProjectedVolume(
                    Nulls.list(source.getSources()).stream().map(Projection::of).toList());
        }
    }

    /**
     * @param type {@code ServiceAccountToken}, {@code ConfigMap}, {@code Secret}, {@code DownwardAPI},
     *             {@code ClusterTrustBundle} or {@code PodCertificate}
     * @param name the ConfigMap, Secret or trust bundle name, when the projection has one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Projection(String type, String name, Long expirationSeconds) {
        public static Projection of(VolumeProjection projection) {
            if (projection.getServiceAccountToken() != null) {
                return new Projection(
                        "ServiceAccountToken",
                        null,
                        projection.getServiceAccountToken().getExpirationSeconds());
            }
            if (projection.getConfigMap() != null) {
                return new Projection("ConfigMap", projection.getConfigMap().getName(), null);
            }
            if (projection.getSecret() != null) {
                return new Projection("Secret", projection.getSecret().getName(), null);
            }
            if (projection.getDownwardAPI() != null) {
                return new Projection("DownwardAPI", null, null);
            }
            if (projection.getClusterTrustBundle() != null) {
                return new Projection(
                        "ClusterTrustBundle", projection.getClusterTrustBundle().getName(), null);
            }
            if (projection.getPodCertificate() != null) {
                return new Projection("PodCertificate", null, null);
            }
            return new Projection("Unknown", null, null);
        }
    }

    public record DownwardApiVolume(List<DownwardItem> items) {
        public static DownwardApiVolume of(DownwardAPIVolumeSource source) {
            return new DownwardApiVolume(
                    Nulls.list(source.getItems()).stream().map(DownwardItem::of).toList());
        }
    }

    /** @param field the pod field ({@code metadata.labels}) or container resource ({@code limits.cpu}) written to {@code path} */
    public record DownwardItem(String path, String field) {
        public static DownwardItem of(DownwardAPIVolumeFile file) {
            String field = file.getFieldRef() != null
                    ? file.getFieldRef().getFieldPath()
                    : file.getResourceFieldRef() != null
                            ? file.getResourceFieldRef().getResource()
                            : null;
            return new DownwardItem(file.getPath(), field);
        }
    }

    /** Volume attributes and the publish secret are left out: drivers such as secrets-store put credentials' locations there. */
    public record CsiVolume(String driver, boolean readOnly) {
        public static CsiVolume of(CSIVolumeSource source) {
            return new CsiVolume(source.getDriver(), Boolean.TRUE.equals(source.getReadOnly()));
        }
    }

    /** A PersistentVolumeClaim created for, and deleted with, the pod. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EphemeralVolume(String storageClassName, List<String> accessModes, String storage) {
        public static EphemeralVolume of(EphemeralVolumeSource source) {
            PersistentVolumeClaimSpec spec = source.getVolumeClaimTemplate() == null
                    ? null
                    : source.getVolumeClaimTemplate().getSpec();
            if (spec == null) {
                return new EphemeralVolume(null, List.of(), null);
            }
            Quantity storage =
                    spec.getResources() == null || spec.getResources().getRequests() == null
                            ? null
                            : spec.getResources().getRequests().get("storage");
            return new EphemeralVolume(
                    spec.getStorageClassName(),
                    spec.getAccessModes(),
                    formatted(Quantities.EPHEMERAL_STORAGE, storage));
        }
    }

    public record NfsVolume(String server, String path, boolean readOnly) {
        public static NfsVolume of(NFSVolumeSource source) {
            return new NfsVolume(source.getServer(), source.getPath(), Boolean.TRUE.equals(source.getReadOnly()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageVolume(String reference, String pullPolicy) {
        public static ImageVolume of(ImageVolumeSource source) {
            return new ImageVolume(source.getReference(), source.getPullPolicy());
        }
    }

    private static String formatted(String resource, Quantity quantity) {
        return quantity == null ? null : Quantities.format(resource, Quantities.scaled(resource, quantity));
    }
}
