package io.clusteragent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentConfigTest {

    @Test
    void defaultsMatchTheDocumentedTable() {
        AgentConfig config = AgentConfig.defaults();

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.logFormat()).isEqualTo("json");
        assertThat(config.logLevel()).isEqualTo("info");
        assertThat(config.k8sTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.podRestartThreshold()).isEqualTo(5);
        assertThat(config.snapshotMode()).isFalse();
    }

    @Test
    void httpPortIsAnAliasOfPort() {
        assertThat(AgentConfig.fromMap(Map.of("HTTP_PORT", "9090"), List.of()).port())
                .isEqualTo(9090);
        assertThat(AgentConfig.fromMap(Map.of("HTTP_PORT", "9090", "PORT", "9191"), List.of())
                        .port())
                .isEqualTo(9191);
    }

    @Test
    void flagsWinOverEnvironment() {
        AgentConfig config = AgentConfig.fromMap(
                Map.of("PORT", "9090", "LOG_FORMAT", "json"),
                List.of("--port", "7070", "--log-format=text", "--now", "2026-01-15T12:00:00Z"));

        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.logFormat()).isEqualTo("text");
        assertThat(config.analysisTime()).contains(Instant.parse("2026-01-15T12:00:00Z"));
    }

    @Test
    void goStyleDurationsAndBareSecondsAreAccepted() {
        AgentConfig config = AgentConfig.fromMap(Map.of("REQUEST_TIMEOUT", "1s500ms", "K8S_TIMEOUT", "45"), List.of());

        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.k8sTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void badDurationNamesTheVariableAndTheAcceptedForm() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("REQUEST_TIMEOUT", "fast"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("REQUEST_TIMEOUT")
                .hasMessageContaining("'fast'")
                .hasMessageContaining("500ms");
    }

    @Test
    void durationsAddUpUnitsUpToTwentyFourDays() {
        AgentConfig config = AgentConfig.fromMap(
                Map.of("K8S_TIMEOUT", "1h30m", "READ_TIMEOUT", "500ms", "WRITE_TIMEOUT", "576h"), List.of());

        assertThat(config.k8sTimeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.writeTimeout()).isEqualTo(Duration.ofDays(24));
    }

    /** 4294968s is 2^32 ms and change: cast to int milliseconds it used to become a 704 ms idle timeout. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "4294968s",
                "1000h",
                "99999999999999999999s",
                "99999999999999999999",
                "9223372036854775807ms1ms",
                "0s",
                "0",
                "-5s",
                "1.5s",
                "1h-5m",
                "577h",
                "24d"
            })
    void aDurationOutOfRangeOrMalformedNamesTheVariableFlagAndRange(String value) {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("READ_TIMEOUT", value), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("READ_TIMEOUT (--read-timeout): invalid value '" + value
                        + "', expected a duration from 1ms to 576h (24 days), such as 500ms, 30s, 5m or 1h30m");
    }

    @Test
    void outOfRangePortIsRejected() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("PORT", "70000"), List.of()))
                .hasMessageContaining("PORT")
                .hasMessageContaining("0-65535");
    }

    @Test
    void negativeRestartThresholdIsRejected() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("POD_RESTART_THRESHOLD", "-1"), List.of()))
                .hasMessageContaining("POD_RESTART_THRESHOLD");
    }

    @Test
    void unknownLogFormatIsRejected() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("LOG_FORMAT", "xml"), List.of()))
                .hasMessageContaining("LOG_FORMAT")
                .hasMessageContaining("json | text");
    }

    @Test
    void missingSnapshotFileIsRejectedAtStartUp() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of(), List.of("--snapshot", "/no/such/dump.yaml")))
                .hasMessageContaining("CLUSTER_SNAPSHOT")
                .hasMessageContaining("/no/such/dump.yaml");
    }

    @Test
    void malformedAnalysisTimeIsRejected() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of(), List.of("--now", "yesterday")))
                .hasMessageContaining("ANALYSIS_TIME")
                .hasMessageContaining("RFC 3339");
    }

    @Test
    void detectionAndPublishingSettingsAreRead() {
        AgentConfig config = AgentConfig.fromMap(
                Map.of(
                        "CPU_THRESHOLD",
                        "75.5",
                        "NODE_NAME",
                        "worker-1",
                        "EVENT_SINK_URL",
                        "http://agent-service:8000/events",
                        "PLATFORM_NAMESPACES",
                        "kube-*, *-system",
                        "PUBLISH_RESOLVED",
                        "false"),
                List.of());

        assertThat(config.detection().cpuThreshold()).isEqualTo(75.5);
        assertThat(config.detection().nodeName()).contains("worker-1");
        assertThat(config.detection().platformNamespaces()).containsExactly("kube-*", "*-system");
        assertThat(config.publishing().url())
                .hasValueSatisfying(url -> assertThat(url.getHost()).isEqualTo("agent-service"));
        assertThat(config.publishResolved()).isFalse();
    }

    @Test
    void leaderElectionIsOnByDefaultOnlyInsideACluster() {
        assertThat(AgentConfig.fromMap(Map.of(), List.of()).leaderElection()).isFalse();
        assertThat(AgentConfig.fromMap(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"), List.of())
                        .leaderElection())
                .isTrue();
        assertThat(AgentConfig.fromMap(
                                Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "LEADER_ELECTION", "false"), List.of())
                        .leaderElection())
                .isFalse();
    }

    @Test
    void aSinkUrlThatIsNotHttpIsRejected() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("EVENT_SINK_URL", "agent-service:8000"), List.of()))
                .hasMessageContaining("EVENT_SINK_URL");
    }

    @Test
    void aNonPositiveCpuThresholdIsRejected() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("CPU_THRESHOLD", "-3"), List.of()))
                .hasMessageContaining("CPU_THRESHOLD");
    }

    @Test
    void unknownFlagIsRejected() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of(), List.of("--prot", "80")))
                .hasMessageContaining("unknown flag --prot");
    }
}
