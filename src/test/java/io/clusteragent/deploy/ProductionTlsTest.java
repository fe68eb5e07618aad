package io.clusteragent.deploy;

import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production overlay serves HTTPS from a cert-manager Certificate's Secret, mounted as files: the
 * agent reads what the kubelet writes and never the Secret through the API.
 */
class ProductionTlsTest {

    private final Manifests manifests = Kustomization.PRODUCTION.render();
    private final AgentConfig config = manifests.agentConfig();

    @Test
    void theCertificateAndKeyAreFilesOfTheSecretTheCertificateWrites() {
        assertThat(config.tls().enabled()).isTrue();
        Path cert = config.tls().certFile().orElseThrow();
        Path key = config.tls().keyFile().orElseThrow();
        assertThat(cert.getFileName()).hasToString("tls.crt");
        assertThat(key.getFileName()).hasToString("tls.key");
        assertThat(key.getParent()).isEqualTo(cert.getParent());

        VolumeMount mount = manifests.agent().agent().getVolumeMounts().stream()
                .filter(m -> Path.of(m.getMountPath()).equals(cert.getParent()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume is mounted at " + cert.getParent()));
        assertThat(mount.getReadOnly()).isTrue();
        assertThat(mount.getSubPath())
                .as("a subPath mount is never updated, so a renewed certificate would not arrive")
                .isNull();
        Volume volume = manifests.agent().pod().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow();
        assertThat(volume.getSecret().getSecretName())
                .isEqualTo(spec(certificate()).get("secretName"));
    }

    @Test
    void theCertificateNamesTheServiceAndRenewsWithANewKey() {
        Map<String, Object> spec = spec(certificate());
        Service service = manifests.one(Service.class);
        String namespace = service.getMetadata().getNamespace();

        assertThat(list(spec.get("dnsNames")))
                .contains(
                        service.getMetadata().getName() + "." + namespace + ".svc",
                        service.getMetadata().getName() + "." + namespace + ".svc.cluster.local");
        assertThat(map(spec.get("privateKey"))).containsEntry("rotationPolicy", "Always");
        assertThat(map(spec.get("issuerRef"))).containsKeys("name", "kind");
        assertThat(spec).containsKeys("duration", "renewBefore");
        assertThat(service.getSpec().getPorts())
                .singleElement()
                .satisfies(port -> assertThat(port.getPort()).isEqualTo(443));
    }

    @Test
    void onlyProductionTurnsTlsOn() {
        for (Kustomization other : List.of(Kustomization.BASE, Kustomization.DEVELOPMENT, Kustomization.SHARDED)) {
            assertThat(other.render().agentConfig().tls().enabled())
                    .as(other.name())
                    .isFalse();
        }
    }

    private GenericKubernetesResource certificate() {
        return manifests.objects().stream()
                .filter(object -> object instanceof GenericKubernetesResource
                        && "Certificate".equals(object.getKind())
                        && "cert-manager.io/v1".equals(object.getApiVersion()))
                .map(GenericKubernetesResource.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cert-manager Certificate rendered"));
    }

    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return map(resource.getAdditionalProperties().get("spec"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
