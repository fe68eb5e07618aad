package io.clusteragent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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

    /**
     * @param properties the producer properties of KAFKA_PROPERTIES_FILE, read at start-up
     * @param saslJaasConfig a secret: it is left out of {@link #toString()}
     */
    public record KafkaSettings(
            List<String> bootstrapServers,
            String topic,
            String securityProtocol,
            Optional<String> saslMechanism,
            Optional<String> saslJaasConfig,
            Map<String, String> properties) {

        /** Names what is set, never the JAAS line or a property's value (KAFKA_PROPERTIES_FILE may hold passwords). */
        @Override
        public String toString() {
            return "bootstrapServers=" + String.join(",", bootstrapServers) + " topic=" + topic + " securityProtocol="
                    + securityProtocol
                    + saslMechanism.map(m -> " saslMechanism=" + m).orElse("")
                    + saslJaasConfig
                            .map(secret -> " saslJaasConfig=" + RedactedUrl.HIDDEN)
                            .orElse("")
                    + (properties.isEmpty() ? "" : " properties=" + properties.keySet());
        }
    }

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
        KafkaSettings kafka = new KafkaSettings(
                servers,
                values.text(Setting.KAFKA_TOPIC_EVENTS).orElse("k8s.events"),
                values.oneOf(Setting.KAFKA_SECURITY_PROTOCOL, "plaintext", "ssl", "sasl_plaintext", "sasl_ssl")
                        .toUpperCase(java.util.Locale.ROOT),
                values.text(Setting.KAFKA_SASL_MECHANISM),
                values.text(Setting.KAFKA_SASL_JAAS_CONFIG),
                properties(values));
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

    private static Map<String, String> properties(SettingValues values) {
        Optional<Path> file = values.existingFile(Setting.KAFKA_PROPERTIES_FILE);
        if (file.isEmpty()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(SettingValues.describe(Setting.KAFKA_PROPERTIES_FILE) + ": cannot read "
                    + file.get() + " as Java properties: " + e.getMessage());
        }
        Map<String, String> read = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> read.put(key, properties.getProperty(key)));
        String compression = read.getOrDefault("compression.type", "none");
        if (!List.of("none", "gzip", "lz4").contains(compression)) {
            throw new ConfigException(SettingValues.describe(Setting.KAFKA_PROPERTIES_FILE) + ": compression.type "
                    + compression + " is not in the agent (its native library is left out); use none, gzip or lz4");
        }
        return Map.copyOf(read);
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
