package io.clusteragent.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of {@code cluster-agent fleet}, the Kafka Streams analyzer, read once at start-up from the
 * environment and the command line like the agent's.
 *
 * @param kafka            the brokers, the events topic and the security, as the agents' forwarder reads them
 * @param applicationId    shared by every instance of one analyzer; Kafka splits the partitions between them
 * @param rulesFile        the anomaly rules; the built-in rules when empty
 * @param stateDir         Kafka Streams' state directory; its default when empty
 * @param agentService     where anomalies are also POSTed, with the incident sink's timeout, concurrency and retries
 *                         and a spool of the analyzer's own; empty when they stay on Kafka
 * @param environment      the {@code environment} of what is POSTed, as the agents' incidents carry it
 */
public record FleetSettings(
        String logLevel,
        String logFormat,
        KafkaSettings kafka,
        String applicationId,
        Optional<Path> rulesFile,
        String anomaliesTopic,
        String platformTopic,
        String customerTopic,
        Optional<Path> stateDir,
        int streamThreads,
        Optional<PublishSettings> agentService,
        String environment) {

    /**
     * @throws ConfigException naming the first setting whose value cannot be used
     */
    public static FleetSettings fromMap(Map<String, String> env, List<String> args) {
        SettingValues values = new SettingValues(env, args);
        return new FleetSettings(
                values.oneOf(Setting.LOG_LEVEL, "debug", "info", "warn", "error"),
                values.oneOf(Setting.LOG_FORMAT, "json", "text"),
                kafka(values),
                values.text(Setting.FLEET_APPLICATION_ID).orElse(Setting.FLEET_APPLICATION_ID.defaultValue()),
                values.existingFile(Setting.FLEET_RULES_FILE),
                KafkaSettings.topic(values, Setting.FLEET_TOPIC_ANOMALIES),
                KafkaSettings.topic(values, Setting.FLEET_TOPIC_PLATFORM),
                KafkaSettings.topic(values, Setting.FLEET_TOPIC_CUSTOMER),
                values.text(Setting.FLEET_STATE_DIR).map(Path::of),
                values.integer(Setting.FLEET_STREAM_THREADS, 1, 64),
                agentService(values),
                values.text(Setting.ENVIRONMENT).orElse(Setting.ENVIRONMENT.defaultValue()));
    }

    /** The incident sink's delivery settings, with the analyzer's own URL and spool directory. */
    private static Optional<PublishSettings> agentService(SettingValues values) {
        PublishSettings defaults = PublishSettings.defaults();
        return values.httpUrl(Setting.FLEET_AGENT_SERVICE_URL)
                .map(url -> new PublishSettings(
                        Optional.of(url),
                        values.duration(Setting.EVENT_TIMEOUT),
                        values.integer(Setting.PUBLISH_CONCURRENCY, 1, 1024),
                        Path.of(values.text(Setting.FLEET_SPOOL_DIR).orElse(Setting.FLEET_SPOOL_DIR.defaultValue())),
                        defaults.spoolMaxEntries(),
                        defaults.retryBase(),
                        defaults.retryCap()));
    }

    private static KafkaSettings kafka(SettingValues values) {
        KafkaSettings kafka = KafkaSettings.read(values);
        if (kafka.bootstrapServers().isEmpty()) {
            throw new ConfigException(SettingValues.describe(Setting.KAFKA_BOOTSTRAP_SERVERS)
                    + " is required: the brokers holding " + Setting.KAFKA_TOPIC_EVENTS.env());
        }
        return kafka;
    }

    /** One readable line for the start-up log. */
    @Override
    public String toString() {
        return kafka + " applicationId=" + applicationId
                + " rules=" + rulesFile.map(Path::toString).orElse("built-in")
                + " anomalies=" + anomaliesTopic + " platform=" + platformTopic + " customer=" + customerTopic
                + stateDir.map(dir -> " stateDir=" + dir).orElse("") + " streamThreads=" + streamThreads
                + agentService
                        .map(publish -> " agentService="
                                + RedactedUrl.of(publish.url().orElseThrow()) + " spoolDir=" + publish.spoolDir())
                        .orElse("");
    }
}
