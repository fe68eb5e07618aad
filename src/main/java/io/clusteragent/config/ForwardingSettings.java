package io.clusteragent.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How Event occurrences reach Kafka, when they do.
 *
 * @param enabled            EVENT_FORWARDING=kafka
 * @param kafka              the producer's connection: brokers, topic, security
 * @param normalAllowlist    reasons of Normal events that are forwarded all the same
 * @param categoryRules      ordered Platform/Customer rules, the PLATFORM_NAMESPACES rule among them
 * @param perReason          the token bucket of each namespace and reason
 * @param global             the token bucket of the whole cluster
 * @param summaryInterval    how often held-back occurrences are sent as summaries
 * @param heartbeatInterval  how often a heartbeat record is sent
 * @param spoolMaxEntries    records kept on disk while Kafka is away
 * @param checkpointInterval how often what was forwarded is recorded for the next leader
 */
public record ForwardingSettings(
        boolean enabled,
        KafkaSettings kafka,
        Set<String> normalAllowlist,
        List<CategoryRule> categoryRules,
        Rate perReason,
        Rate global,
        Duration summaryInterval,
        Duration heartbeatInterval,
        int spoolMaxEntries,
        Duration checkpointInterval) {

    static ForwardingSettings from(SettingValues values, boolean snapshot) {
        boolean enabled = values.oneOf(Setting.EVENT_FORWARDING, "off", "kafka").equals("kafka");
        List<String> servers = values.list(Setting.KAFKA_BOOTSTRAP_SERVERS);
        if (enabled && servers.isEmpty()) {
            throw new ConfigException(SettingValues.describe(Setting.EVENT_FORWARDING) + "=kafka needs "
                    + SettingValues.describe(Setting.KAFKA_BOOTSTRAP_SERVERS));
        }
        if (enabled && snapshot) {
            throw new ConfigException(SettingValues.describe(Setting.EVENT_FORWARDING)
                    + " forwards the live cluster's events; it cannot be used with " + Setting.CLUSTER_SNAPSHOT.env());
        }
        KafkaSettings kafka = KafkaSettings.read(values);
        return new ForwardingSettings(
                enabled,
                kafka,
                Set.copyOf(values.list(Setting.EVENT_NORMAL_ALLOWLIST)),
                CategoryRuleSyntax.parse(
                        values.text(Setting.EVENT_CATEGORY_RULES).orElse(""),
                        SettingValues.describe(Setting.EVENT_CATEGORY_RULES)),
                values.rate(Setting.EVENT_RATE_LIMIT_PER_REASON),
                values.rate(Setting.EVENT_RATE_LIMIT_GLOBAL),
                values.duration(Setting.EVENT_RATE_LIMIT_SUMMARY_INTERVAL),
                values.duration(Setting.EVENT_HEARTBEAT_INTERVAL),
                values.integer(Setting.EVENT_SPOOL_MAX_ENTRIES, 1, 10_000_000),
                values.duration(Setting.EVENT_CHECKPOINT_INTERVAL));
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "off";
        }
        return "kafka[" + kafka + " normalAllowlist=" + normalAllowlist.size() + " reasons categoryRules="
                + categoryRules + " perReason=" + perReason + " global=" + global + "]";
    }
}
