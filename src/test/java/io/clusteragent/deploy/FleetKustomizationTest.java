package io.clusteragent.deploy;

import io.clusteragent.config.FleetSettings;
import io.clusteragent.fleet.RuleFile;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** deployments/fleet renders offline into an analyzer that starts with its settings and rules, and its topics. */
class FleetKustomizationTest {

    private static final Manifests FLEET = Manifests.parse(Kubectl.kustomize(Path.of("deployments/fleet")));

    private final Workload analyzer = FLEET.agent();

    @Test
    void runsTheFleetSubcommandUnderTheRestrictedStandardWithoutAToken() {
        assertThat(analyzer.agent().getArgs()).containsExactly("fleet");
        assertThat(RestrictedPodSecurity.violations(analyzer)).isEmpty();
        assertThat(analyzer.agent().getSecurityContext().getReadOnlyRootFilesystem())
                .isTrue();
        assertThat(analyzer.pod().getAutomountServiceAccountToken()).isFalse();
        assertThat(FLEET.named(ServiceAccount.class, analyzer.pod().getServiceAccountName()))
                .isPresent();
        assertThat(FLEET.one(Namespace.class).getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    void itsSettingsAndMountedRulesAreValid() throws Exception {
        Map<String, String> env = new HashMap<>(FLEET.environment(analyzer.agent()));
        Path rulesFile = Path.of(env.get("FLEET_RULES_FILE"));
        VolumeMount mount = analyzer.agent().getVolumeMounts().stream()
                .filter(m -> rulesFile.startsWith(m.getMountPath()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("FLEET_RULES_FILE is on no volume"));
        String configMapName = analyzer.pod().getVolumes().stream()
                .filter(volume -> volume.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow()
                .getConfigMap()
                .getName();
        String rules = FLEET.named(ConfigMap.class, configMapName)
                .orElseThrow()
                .getData()
                .get(rulesFile.getFileName().toString());
        Path local = Files.createTempFile("rules", ".yaml");
        Files.writeString(local, rules);
        env.put("FLEET_RULES_FILE", local.toString());

        FleetSettings settings = FleetSettings.fromMap(env, List.of());

        assertThat(RuleFile.load(settings.rulesFile())).isEqualTo(RuleFile.defaults());
        assertThat(analyzer.agent().getVolumeMounts())
                .extracting(VolumeMount::getMountPath)
                .contains(settings.stateDir().orElseThrow().toString(), "/tmp");
        Files.delete(local);
    }

    @Test
    void everyTopicTheAnalyzerUsesIsAStrimziTopicWithPartitionsForEveryReplica() {
        FleetSettings settings = FleetSettings.fromMap(withoutRulesFile(), List.of());
        Map<String, GenericKubernetesResource> topics = new HashMap<>();
        FLEET.all(GenericKubernetesResource.class).stream()
                .filter(object -> object.getKind().equals("KafkaTopic"))
                .forEach(topic -> topics.put(topicName(topic), topic));

        assertThat(topics)
                .containsOnlyKeys(
                        settings.kafka().topic(),
                        settings.anomaliesTopic(),
                        settings.platformTopic(),
                        settings.customerTopic());
        for (GenericKubernetesResource topic : topics.values()) {
            assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(topic.getMetadata().getLabels()).containsKey("strimzi.io/cluster");
        }
        Deployment deployment = FLEET.one(Deployment.class);
        assertThat(partitions(topics.get(settings.kafka().topic())))
                .as("every instance gets partitions of the events topic")
                .isGreaterThanOrEqualTo(deployment.getSpec().getReplicas());
    }

    @Test
    void everyObjectIsLabelledAsPartOfTheAgent() {
        for (HasMetadata object : FLEET.objects()) {
            assertThat(object.getMetadata().getLabels())
                    .as(object.getKind() + "/" + object.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/part-of", "cluster-agent")
                    .containsEntry("app.kubernetes.io/component", "fleet-analyzer");
        }
    }

    private Map<String, String> withoutRulesFile() {
        Map<String, String> env = new HashMap<>(FLEET.environment(analyzer.agent()));
        env.remove("FLEET_RULES_FILE");
        return env;
    }

    @SuppressWarnings("unchecked")
    private static String topicName(GenericKubernetesResource topic) {
        return (String) ((Map<String, Object>) topic.getAdditionalProperties().get("spec")).get("topicName");
    }

    @SuppressWarnings("unchecked")
    private static int partitions(GenericKubernetesResource topic) {
        return (Integer) ((Map<String, Object>) topic.getAdditionalProperties().get("spec")).get("partitions");
    }
}
