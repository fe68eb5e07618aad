package io.clusteragent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The connection to Kafka both halves of the fleet pipeline use: the agents' forwarder and the
 * {@code fleet} analyzer read the same settings.
 *
 * @param properties the client properties of KAFKA_PROPERTIES_FILE, read at start-up
 * @param saslJaasConfig a secret: it is left out of {@link #toString()}
 */
public record KafkaSettings(
        List<String> bootstrapServers,
        String topic,
        String securityProtocol,
        Optional<String> saslMechanism,
        Optional<String> saslJaasConfig,
        Map<String, String> properties) {

    /** The KAFKA_* settings; the brokers may be empty here, each half says whether it needs them. */
    static KafkaSettings read(SettingValues values) {
        return new KafkaSettings(
                values.list(Setting.KAFKA_BOOTSTRAP_SERVERS),
                topic(values, Setting.KAFKA_TOPIC_EVENTS),
                values.oneOf(Setting.KAFKA_SECURITY_PROTOCOL, "plaintext", "ssl", "sasl_plaintext", "sasl_ssl")
                        .toUpperCase(Locale.ROOT),
                values.text(Setting.KAFKA_SASL_MECHANISM),
                values.text(Setting.KAFKA_SASL_JAAS_CONFIG),
                properties(values));
    }

    /** Kafka's topic name rule, checked here so that a typo fails start-up instead of the first write. */
    static String topic(SettingValues values, Setting setting) {
        String name = values.text(setting).orElse(setting.defaultValue());
        if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new ConfigException(SettingValues.describe(setting) + ": invalid topic name '" + name
                    + "', expected 1-249 letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    /** The connection and security properties every Kafka client of either half is given. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> config = new HashMap<>(properties);
        config.put("bootstrap.servers", String.join(",", bootstrapServers));
        config.put("security.protocol", securityProtocol);
        saslMechanism.ifPresent(mechanism -> config.put("sasl.mechanism", mechanism));
        saslJaasConfig.ifPresent(jaas -> config.put("sasl.jaas.config", jaas));
        return config;
    }

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
}
