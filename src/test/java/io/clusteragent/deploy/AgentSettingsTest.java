package io.clusteragent.deploy;

import io.clusteragent.config.Setting;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's configuration in the cluster: every variable it is given is one it reads (Setting),
 * the base ConfigMap carries every setting with the code's default, and where it differs, it says
 * why (deployments/base/agent.env).
 */
class AgentSettingsTest {

    /** Settings for running outside a cluster: a dump, a fixed clock, a kubeconfig context. */
    static final Set<String> OUTSIDE_A_CLUSTER = Set.of("CLUSTER_SNAPSHOT", "ANALYSIS_TIME", "KUBE_CONTEXT");
    /** Differs per pod: set from the downward API where used (the daemonset overlay). */
    static final Set<String> PER_POD = Set.of("NODE_NAME");
    /** Read by `cluster-agent fleet` only, which deployments/fleet configures. */
    static final String FLEET_ONLY_PREFIX = "FLEET_";
    /** The root filesystem is read-only: the spool is the emptyDir mounted there. */
    static final Map<String, String> NOT_THE_DEFAULT = Map.of("SPOOL_DIR", "/var/spool/cluster-agent");

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void everyVariableGivenToTheAgentIsOneItReads(Kustomization kustomization) {
        Manifests manifests = kustomization.render();
        Set<String> read = Arrays.stream(Setting.values())
                .flatMap(s -> Stream.concat(Stream.of(s.env()), s.aliases().stream()))
                .collect(Collectors.toSet());

        assertThat(manifests.environment(manifests.agent().agent()).keySet())
                .as("variables the agent is given")
                .isSubsetOf(read);
        for (ConfigMap configMap : manifests.all(ConfigMap.class)) {
            assertThat(configMap.getData().keySet())
                    .as(configMap.getMetadata().getName())
                    .isSubsetOf(read);
        }
    }

    @Test
    void theBaseConfigMapCarriesEverySettingWithTheCodesDefault() {
        Map<String, String> data =
                Kustomization.BASE.render().one(ConfigMap.class).getData();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            if (!OUTSIDE_A_CLUSTER.contains(setting.env())
                    && !PER_POD.contains(setting.env())
                    && !setting.env().startsWith(FLEET_ONLY_PREFIX)) {
                expected.put(setting.env(), NOT_THE_DEFAULT.getOrDefault(setting.env(), setting.defaultValue()));
            }
        }

        assertThat(data).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void settingsForOutsideAClusterAreNeverSet(Kustomization kustomization) {
        Manifests manifests = kustomization.render();

        assertThat(manifests.environment(manifests.agent().agent()))
                .doesNotContainKeys(OUTSIDE_A_CLUSTER.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void theSpoolAndTheTemporaryDirectoryAreWritableEmptyDirs(Kustomization kustomization) {
        Manifests manifests = kustomization.render();
        Workload agent = manifests.agent();
        String spool = manifests.agentConfig().publishing().spoolDir().toString();

        Set<String> writable = new HashSet<>();
        for (VolumeMount mount : agent.agent().getVolumeMounts()) {
            Volume volume = agent.pod().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName()))
                    .findFirst()
                    .orElseThrow();
            if (volume.getEmptyDir() != null && !Boolean.TRUE.equals(mount.getReadOnly())) {
                writable.add(mount.getMountPath());
            }
        }
        assertThat(writable).contains(spool, "/tmp");
    }
}
