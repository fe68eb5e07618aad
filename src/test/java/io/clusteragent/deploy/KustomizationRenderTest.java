package io.clusteragent.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kustomization renders, into objects the typed model knows, that refer to each other correctly. */
class KustomizationRenderTest {

    static final String NAMESPACE = "cluster-agent";
    /** The selector of the agent's pods. It is immutable on a Deployment, so no overlay may change it. */
    static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/name", "cluster-agent");

    /** Other operators' kinds, which the Kubernetes model does not know; a test of their overlay checks each. */
    private static final Set<String> CUSTOM_KINDS = Set.of("cert-manager.io/v1 Certificate");

    private static final Set<String> CLUSTER_SCOPED =
            Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "PriorityClass");

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void everyObjectParsesAsItsTypedClassWithoutUnknownFields(Kustomization kustomization) {
        Manifests manifests = kustomization.render();

        assertThat(manifests.objects()).isNotEmpty();
        for (HasMetadata object : manifests.objects()) {
            String id = object.getKind() + "/" + object.getMetadata().getName();
            if (CUSTOM_KINDS.contains(object.getApiVersion() + " " + object.getKind())) {
                continue;
            }
            assertThat(object).as(id).isNotInstanceOf(GenericKubernetesResource.class);
            assertThat(object.getClass())
                    .as(id)
                    .isEqualTo(Manifests.SERIALIZATION.getRegisteredKubernetesResource(
                            object.getApiVersion(), object.getKind()));
            assertThat(UnknownFields.of(object))
                    .as("fields of " + id + " the model does not know")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void namespacedObjectsLiveInTheAgentsNamespace(Kustomization kustomization) {
        Manifests manifests = kustomization.render();

        assertThat(manifests.one(Namespace.class).getMetadata().getName()).isEqualTo(NAMESPACE);
        for (HasMetadata object : manifests.objects()) {
            String expected = CLUSTER_SCOPED.contains(object.getKind()) ? null : NAMESPACE;
            assertThat(object.getMetadata().getNamespace())
                    .as(object.getKind() + "/" + object.getMetadata().getName())
                    .isEqualTo(expected);
        }
        // The daemonset overlay's pods mount the node's /sys and /proc, which only "privileged" admits.
        assertThat(manifests.one(Namespace.class).getMetadata().getLabels())
                .containsEntry(
                        "pod-security.kubernetes.io/enforce",
                        kustomization == Kustomization.DAEMONSET ? "privileged" : "restricted");
    }

    /** So that {@code kubectl get ... -l app.kubernetes.io/part-of=cluster-agent} finds everything. */
    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void everyObjectAndPodIsLabelledAsPartOfTheAgent(Kustomization kustomization) {
        Manifests manifests = kustomization.render();

        for (HasMetadata object : manifests.objects()) {
            assertThat(object.getMetadata().getLabels())
                    .as(object.getKind() + "/" + object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/part-of", "cluster-agent");
        }
        assertThat(manifests.agent().podLabels()).containsEntry("app.kubernetes.io/part-of", "cluster-agent");
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void selectorsAreTheAgentsOwnAndSelectItsPods(Kustomization kustomization) {
        Manifests manifests = kustomization.render();
        Workload agent = manifests.agent();

        assertThat(agent.selector().getMatchLabels()).as("selector of " + agent).isEqualTo(SELECTOR);
        assertThat(agent.selector().getMatchExpressions()).isEmpty();
        assertThat(agent.podLabels()).containsAllEntriesOf(SELECTOR);
        List<LabelSelector> others = new ArrayList<>();
        manifests
                .all(PodDisruptionBudget.class)
                .forEach(pdb -> others.add(pdb.getSpec().getSelector()));
        manifests
                .all(NetworkPolicy.class)
                .forEach(policy -> others.add(policy.getSpec().getPodSelector()));
        agent.pod().getTopologySpreadConstraints().forEach(spread -> others.add(spread.getLabelSelector()));
        for (LabelSelector selector : others) {
            assertThat(selector.getMatchLabels()).isEqualTo(SELECTOR);
        }
        assertThat(manifests.one(Service.class).getSpec().getSelector()).isEqualTo(SELECTOR);
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void everythingThePodRefersToIsRendered(Kustomization kustomization) {
        Manifests manifests = kustomization.render();
        Workload agent = manifests.agent();

        assertThat(manifests.named(ServiceAccount.class, agent.pod().getServiceAccountName()))
                .isPresent();
        agent.agent()
                .getEnvFrom()
                .forEach(from -> assertThat(manifests.named(
                                ConfigMap.class, from.getConfigMapRef().getName()))
                        .as("envFrom " + from)
                        .isPresent());
        assertThat(agent.agent().getEnvFrom())
                .as("the ConfigMap reaches the container")
                .hasSize(1);
        agent.pod().getVolumes().stream()
                .map(Volume::getConfigMap)
                .filter(ref -> ref != null)
                .forEach(ref -> assertThat(manifests.named(ConfigMap.class, ref.getName()))
                        .as("volume " + ref)
                        .isPresent());
        agent.pod().getVolumes().stream()
                .map(Volume::getSecret)
                .filter(ref -> ref != null)
                .forEach(ref -> assertThat(manifests.objects())
                        .as("volume " + ref + ": a Secret a rendered cert-manager Certificate writes")
                        .anyMatch(object -> object instanceof GenericKubernetesResource certificate
                                && "Certificate".equals(certificate.getKind())
                                && ref.getSecretName().equals(certificate.get("spec", "secretName"))));
        if (agent.pod().getPriorityClassName() != null) {
            assertThat(manifests.named(PriorityClass.class, agent.pod().getPriorityClassName()))
                    .isPresent();
        }
    }
}
