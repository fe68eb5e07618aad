package io.clusteragent.analysis.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.clusteragent.analysis.describe.PodDescriberTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

class VolumeDescriptionTest {

    @Test
    void eachKindHasItsKubectlTypeName() {
        List<Volume> volumes = List.of(
                new VolumeBuilder()
                        .withName("config")
                        .withNewConfigMap()
                        .withName("app-config")
                        .endConfigMap()
                        .build(),
                new VolumeBuilder()
                        .withName("tls")
                        .withNewSecret()
                        .withSecretName("app-tls")
                        .endSecret()
                        .build(),
                new VolumeBuilder()
                        .withName("data")
                        .withNewPersistentVolumeClaim("data-postgres-0", false)
                        .build(),
                new VolumeBuilder()
                        .withName("cache")
                        .withNewEmptyDir()
                        .withMedium("Memory")
                        .withSizeLimit(new Quantity("512Mi"))
                        .endEmptyDir()
                        .build(),
                new VolumeBuilder()
                        .withName("logs")
                        .withNewHostPath()
                        .withPath("/var/log")
                        .withType("Directory")
                        .endHostPath()
                        .build(),
                new VolumeBuilder()
                        .withName("kube-api-access-8x2lq")
                        .withNewProjected()
                        .addNewSource()
                        .withNewServiceAccountToken()
                        .withExpirationSeconds(3607L)
                        .withPath("token")
                        .endServiceAccountToken()
                        .endSource()
                        .addNewSource()
                        .withNewConfigMap()
                        .withName("kube-root-ca.crt")
                        .endConfigMap()
                        .endSource()
                        .addNewSource()
                        .withNewDownwardAPI()
                        .endDownwardAPI()
                        .endSource()
                        .endProjected()
                        .build(),
                new VolumeBuilder()
                        .withName("podinfo")
                        .withNewDownwardAPI()
                        .addNewItem()
                        .withPath("labels")
                        .withNewFieldRef()
                        .withFieldPath("metadata.labels")
                        .endFieldRef()
                        .endItem()
                        .endDownwardAPI()
                        .build(),
                new VolumeBuilder()
                        .withName("secrets-store")
                        .withNewCsi()
                        .withDriver("secrets-store.csi.k8s.io")
                        .withReadOnly(true)
                        .addToVolumeAttributes("secretProviderClass", "vault-db")
                        .endCsi()
                        .build(),
                new VolumeBuilder()
                        .withName("scratch")
                        .withNewEphemeral()
                        .withNewVolumeClaimTemplate()
                        .withNewSpec()
                        .withStorageClassName("fast-ssd")
                        .withAccessModes("ReadWriteOnce")
                        .withNewResources()
                        .addToRequests("storage", new Quantity("10Gi"))
                        .endResources()
                        .endSpec()
                        .endVolumeClaimTemplate()
                        .endEphemeral()
                        .build(),
                new VolumeBuilder()
                        .withName("shared")
                        .withNewNfs()
                        .withServer("nfs.internal")
                        .withPath("/exports/shared")
                        .endNfs()
                        .build(),
                new VolumeBuilder()
                        .withName("legacy")
                        .withNewRbd()
                        .withImage("rbd-image")
                        .endRbd()
                        .build(),
                new VolumeBuilder().withName("nothing").build());

        List<VolumeDescription> described =
                volumes.stream().map(VolumeDescription::of).toList();

        assertThat(described)
                .extracting(VolumeDescription::type)
                .containsExactly(
                        "ConfigMap",
                        "Secret",
                        "PersistentVolumeClaim",
                        "EmptyDir",
                        "HostPath",
                        "Projected",
                        "DownwardAPI",
                        "CSI",
                        "Ephemeral",
                        "NFS",
                        "RBD",
                        "Unknown");
        assertThat(described.get(10).source()).isNull();
    }

    @Test
    void sourcesKeepTheSeedShapeAndStaySmall() {
        assertThat(json(new VolumeBuilder()
                        .withName("config")
                        .withNewConfigMap()
                        .withName("app-config")
                        .endConfigMap()
                        .build()))
                .isEqualTo(
                        "{\"name\":\"config\",\"type\":\"ConfigMap\",\"source\":{\"configMap\":{\"name\":\"app-config\"}}}");
        assertThat(json(new VolumeBuilder()
                        .withName("data")
                        .withNewPersistentVolumeClaim("data-postgres-0", true)
                        .build()))
                .contains(
                        "\"source\":{\"persistentVolumeClaim\":{\"claimName\":\"data-postgres-0\",\"readOnly\":true}}");
        assertThat(json(new VolumeBuilder()
                        .withName("cache")
                        .withNewEmptyDir()
                        .withSizeLimit(new Quantity("1Gi"))
                        .endEmptyDir()
                        .build()))
                .contains("\"emptyDir\":{\"medium\":\"\",\"sizeLimit\":\"1Gi\"}");
        assertThat(json(new VolumeBuilder()
                        .withName("scratch")
                        .withNewEphemeral()
                        .withNewVolumeClaimTemplate()
                        .withNewSpec()
                        .withStorageClassName("fast-ssd")
                        .withAccessModes("ReadWriteOnce")
                        .withNewResources()
                        .addToRequests("storage", new Quantity("10Gi"))
                        .endResources()
                        .endSpec()
                        .endVolumeClaimTemplate()
                        .endEphemeral()
                        .build()))
                .contains(
                        "\"ephemeral\":{\"storageClassName\":\"fast-ssd\",\"accessModes\":[\"ReadWriteOnce\"],\"storage\":\"10Gi\"}");
    }

    @Test
    void secretVolumeShowsOnlyTheSecretName() {
        Volume volume = new VolumeBuilder()
                .withName("tls")
                .withNewSecret()
                .withSecretName("app-tls")
                .withDefaultMode(0400)
                .addNewItem()
                .withKey("tls.key")
                .withPath("private/tls.key")
                .endItem()
                .endSecret()
                .build();

        assertThat(json(volume))
                .isEqualTo(
                        "{\"name\":\"tls\",\"type\":\"Secret\",\"source\":{\"secret\":{\"secretName\":\"app-tls\"}}}");
    }

    @Test
    void csiAttributesAreNotShown() {
        Volume volume = new VolumeBuilder()
                .withName("secrets-store")
                .withNewCsi()
                .withDriver("secrets-store.csi.k8s.io")
                .withReadOnly(true)
                .addToVolumeAttributes("secretProviderClass", "vault-db")
                .withNewNodePublishSecretRef("vault-creds")
                .endCsi()
                .build();

        assertThat(json(volume))
                .contains("\"csi\":{\"driver\":\"secrets-store.csi.k8s.io\",\"readOnly\":true}")
                .doesNotContain("vault-db")
                .doesNotContain("vault-creds");
    }

    @Test
    void projectedSourcesAreSummarized() {
        Volume volume = new VolumeBuilder()
                .withName("kube-api-access-8x2lq")
                .withNewProjected()
                .addNewSource()
                .withNewServiceAccountToken()
                .withExpirationSeconds(3607L)
                .withPath("token")
                .endServiceAccountToken()
                .endSource()
                .addNewSource()
                .withNewConfigMap()
                .withName("kube-root-ca.crt")
                .endConfigMap()
                .endSource()
                .addNewSource()
                .withNewSecret()
                .withName("extra-ca")
                .endSecret()
                .endSource()
                .endProjected()
                .build();

        JsonNode sources = JSON.valueToTree(VolumeDescription.of(volume)).at("/source/projected/sources");

        assertThat(sources.toString())
                .isEqualTo(
                        "[{\"type\":\"ServiceAccountToken\",\"expirationSeconds\":3607},"
                                + "{\"type\":\"ConfigMap\",\"name\":\"kube-root-ca.crt\"},{\"type\":\"Secret\",\"name\":\"extra-ca\"}]");
    }

    private static String json(Volume volume) {
        return JSON.valueToTree(VolumeDescription.of(volume)).toString();
    }
}
