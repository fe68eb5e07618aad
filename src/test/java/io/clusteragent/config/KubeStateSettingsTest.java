package io.clusteragent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kubestate settings take kube-state-metrics' flag syntax and reject what it rejects, at start-up. */
class KubeStateSettingsTest {

    @Test
    void defaultsServeEveryObjectAndEveryDefaultFamily() {
        KubeStateSettings settings = AgentConfig.defaults().kubeState();

        assertThat(settings).isEqualTo(KubeStateSettings.defaults());
        assertThat(settings.sharded()).isFalse();
    }

    @Test
    void readsEveryKubeStateSettingFromTheEnvironmentAndFlags() {
        KubeStateSettings settings = AgentConfig.fromMap(
                        Map.of(
                                "METRIC_DENYLIST", "kube_pod_status_.*, kube_node_info",
                                "METRIC_OPT_IN_LIST", "kube_pod_nodeselectors",
                                "METRIC_LABELS_ALLOWLIST", "pods=[app,team],namespaces=[*]",
                                "METRIC_ANNOTATIONS_ALLOWLIST", "*=[owner]",
                                "NAMESPACES", "shop, payments",
                                "NAMESPACES_DENYLIST", "kube-system",
                                "TOTAL_SHARDS", "3"),
                        List.of("--shard", "2"))
                .kubeState();

        assertThat(settings.metricAllowlist()).isEmpty();
        assertThat(settings.metricDenylist()).containsExactlyInAnyOrder("kube_pod_status_.*", "kube_node_info");
        assertThat(settings.metricOptInList()).containsExactly("kube_pod_nodeselectors");
        assertThat(settings.labelsAllowlist())
                .isEqualTo(Map.of("pods", List.of("app", "team"), "namespaces", List.of("*")));
        assertThat(settings.annotationsAllowlist()).isEqualTo(Map.of("*", List.of("owner")));
        assertThat(settings.namespaces()).containsExactly("shop", "payments");
        assertThat(settings.namespacesDenylist()).containsExactly("kube-system");
        assertThat(settings.shard()).isEqualTo(2);
        assertThat(settings.totalShards()).isEqualTo(3);
    }

    @Test
    void allowlistAndDenylistAreMutuallyExclusive() {
        assertThatThrownBy(() -> AgentConfig.fromMap(
                        Map.of("METRIC_ALLOWLIST", "kube_pod_info", "METRIC_DENYLIST", "kube_node_info"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("METRIC_ALLOWLIST and METRIC_DENYLIST are mutually exclusive");
        assertThatThrownBy(() -> new KubeStateSettings(
                        Set.of("a"), Set.of("b"), Set.of(), Map.of(), Map.of(), List.of(), List.of(), 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvalidRegexFailsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("METRIC_ALLOWLIST", "*_pod_info"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("METRIC_ALLOWLIST (--metric-allowlist): invalid regex '*_pod_info'");
    }

    @Test
    void theShardMustBeBelowTheShardCount() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("SHARD", "3", "TOTAL_SHARDS", "3"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SHARD (--shard): 3 is not below TOTAL_SHARDS 3");
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("TOTAL_SHARDS", "0"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TOTAL_SHARDS");
    }

    @Test
    void aMalformedAllowlistFailsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("METRIC_LABELS_ALLOWLIST", "pods=app,team"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("METRIC_LABELS_ALLOWLIST (--metric-labels-allowlist): invalid format");
    }

    /** kube-state-metrics' {@code TestLabelsAllowListSet} cases. */
    @Test
    void parsesWhatKubeStateMetricsParses() {
        assertThat(KeyAllowlistSyntax.parse("")).isEmpty();
        assertThat(KeyAllowlistSyntax.parse("cronjobs=[somelabel.io,label2/blah]"))
                .isEqualTo(Map.of("cronjobs", List.of("somelabel.io", "label2/blah")));
        assertThat(KeyAllowlistSyntax.parse(
                        "pods=[podsone,pods-two],nodes=[nodesone,nodestwo],namespaces=[nsone,nstwo]"))
                .isEqualTo(Map.of(
                        "pods", List.of("podsone", "pods-two"),
                        "nodes", List.of("nodesone", "nodestwo"),
                        "namespaces", List.of("nsone", "nstwo")));
        assertThat(KeyAllowlistSyntax.parse("cronjobs=[somelabel,label2],pods=[]"))
                .isEqualTo(Map.of("cronjobs", List.of("somelabel", "label2"), "pods", List.of()));
        assertThat(KeyAllowlistSyntax.parse("cronjobs=[*],pods=[*,foo],namespaces=[bar,*]"))
                .isEqualTo(Map.of(
                        "cronjobs", List.of("*"), "pods", List.of("*", "foo"), "namespaces", List.of("bar", "*")));
        assertThat(KeyAllowlistSyntax.parse("*=[*]")).isEqualTo(Map.of("*", List.of("*")));
        assertThat(KeyAllowlistSyntax.parse("*=[somelabel/*]")).isEqualTo(Map.of("*", List.of("somelabel/*")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cronjobs=[somelabel,label2] cronjobs=[label3,label4]",
                "cronjobs=[somelabel,label2],cronjobs=label3,label4]",
                "cronjobs=[somelabel,label2]cronjobs=[label3,label4]",
                "cronjobs[somelabel,label2]cronjobs=[label3,label4]",
                "*=[somelabel/*-foo-*]",
                "pods=[app,]",
                ",pods=[app]"
            })
    void rejectsWhatKubeStateMetricsRejects(String value) {
        assertThatThrownBy(() -> KeyAllowlistSyntax.parse(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
