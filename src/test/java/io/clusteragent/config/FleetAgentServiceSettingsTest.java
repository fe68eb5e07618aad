package io.clusteragent.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyzer's delivery to the Agent Service takes the incident sink's settings, with a URL and spool of its own. */
class FleetAgentServiceSettingsTest {

    @Test
    void withoutAUrlAnomaliesStayOnKafka() {
        FleetSettings settings = FleetSettings.fromMap(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), List.of());

        assertThat(settings.agentService()).isEmpty();
        assertThat(settings.environment()).isEqualTo("production");
    }

    @Test
    void theUrlBringsTheIncidentSinksTimeoutAndConcurrencyAndItsOwnSpool() {
        FleetSettings settings = FleetSettings.fromMap(
                Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                        "EVENT_TIMEOUT", "20s",
                        "PUBLISH_CONCURRENCY", "3",
                        "ENVIRONMENT", "staging",
                        "SPOOL_DIR", "/var/lib/agent-spool"),
                List.of("--fleet-agent-service-url", "https://user:secret@agent-service/events"));

        PublishSettings agentService = settings.agentService().orElseThrow();
        assertThat(agentService.url()).contains(URI.create("https://user:secret@agent-service/events"));
        assertThat(agentService.eventTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(agentService.publishConcurrency()).isEqualTo(3);
        assertThat(agentService.spoolDir()).as("not the agent's SPOOL_DIR").isEqualTo(Path.of("fleet-spool"));
        assertThat(settings.environment()).isEqualTo("staging");
        assertThat(settings.toString()).doesNotContain("secret").contains("spoolDir=fleet-spool");
    }
}
