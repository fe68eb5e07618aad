package io.clusteragent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule that cannot work fails start-up naming it, instead of silently never matching. */
class EventCategoryRulesSettingTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Platfrom:namespace=kube-*|the category must be Platform or Customer, not 'Platfrom'",
                "Platform:namespace~tenant-(|invalid regex",
                "Platform:owner=foo|unknown field 'owner'",
                "Platform namespace=kube-*|expected Category:field=glob or Category:field~regex",
                "Platform:namespace=|the pattern is empty",
                "Platform:namespaceLabel.-bad=x|'-bad' is not a label key"
            })
    void aBrokenRuleFailsStartUpNamingTheSettingTheRuleAndWhy(String rule, String why) {
        assertThatThrownBy(() ->
                        AgentConfig.fromMap(Map.of("EVENT_CATEGORY_RULES", "platform-namespaces;" + rule), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("EVENT_CATEGORY_RULES (--event-category-rules)")
                .hasMessageContaining("rule '" + rule.strip() + "'")
                .hasMessageContaining(why);
    }

    @Test
    void thePlatformNamespacesRuleComesLastUnlessPlaced() {
        List<CategoryRule> rules = AgentConfig.fromMap(
                        Map.of("EVENT_CATEGORY_RULES", "Customer:namespace=kube-tenant"), List.of())
                .forwarding()
                .categoryRules();

        assertThat(rules)
                .extracting(CategoryRule::field)
                .containsExactly(CategoryRule.Field.NAMESPACE, CategoryRule.Field.PLATFORM_NAMESPACES);
    }

    @Test
    void forwardingToKafkaNeedsBrokersAndTheLiveCluster() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("EVENT_FORWARDING", "kafka"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void theJaasSecretNeverReachesTheStartUpLine() {
        AgentConfig config = AgentConfig.fromMap(
                Map.of(
                        "EVENT_FORWARDING", "kafka",
                        "KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9093",
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_MECHANISM", "PLAIN",
                        "KAFKA_SASL_JAAS_CONFIG",
                                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"agent\" password=\"s3cret\";"),
                List.of());

        assertThat(config.toString())
                .contains("bootstrapServers=kafka-0:9093", "saslMechanism=PLAIN", "saslJaasConfig=***")
                .doesNotContain("s3cret", "PlainLoginModule");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "0/1s", "ten/1s", "5/forever", "5/0s"})
    void aRateIsCountSlashDuration(String given) {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("EVENT_RATE_LIMIT_GLOBAL", given), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("EVENT_RATE_LIMIT_GLOBAL")
                .hasMessageContaining("count/duration");
    }
}
