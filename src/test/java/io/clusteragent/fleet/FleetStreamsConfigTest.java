package io.clusteragent.fleet;

import io.clusteragent.config.FleetSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyzer connects to Kafka with the same KAFKA_* settings as the agents' forwarder, SASL included. */
class FleetStreamsConfigTest {

    @Test
    void theForwardersConnectionSettingsReachTheAnalyzersClients() {
        FleetSettings settings = FleetSettings.fromMap(
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9093,kafka-1:9093",
                        "KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                        "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                List.of());

        Properties props = FleetStreamsConfig.of(settings);

        assertThat(props)
                .containsEntry("bootstrap.servers", "kafka-0:9093,kafka-1:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("processing.guarantee", "exactly_once_v2");
        assertThat(settings.toString()).doesNotContain("ScramLoginModule");
    }
}
