package io.clusteragent.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS needs a certificate and its key together; a client CA means nothing without them. */
class TlsSettingsTest {

    @Test
    void aCertificateWithoutItsKeyStopsStartUp() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("TLS_CERT_FILE", "/tls/tls.crt"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("TLS_CERT_FILE and TLS_KEY_FILE go together: set both for HTTPS, or neither for HTTP");
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of(), List.of("--tls-key-file", "/tls/tls.key")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void aClientCaWithoutAServingCertificateStopsStartUp() {
        assertThatThrownBy(() -> AgentConfig.fromMap(Map.of("TLS_CLIENT_CA_FILE", "/tls/ca.crt"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TLS_CLIENT_CA_FILE verifies client certificates over HTTPS");
    }

    @Test
    void bothFilesServeHttpsAndNeitherServesHttp() {
        AgentConfig https = AgentConfig.fromMap(
                Map.of("TLS_CERT_FILE", "/tls/tls.crt", "TLS_KEY_FILE", "/tls/tls.key", "TLS_RELOAD_INTERVAL", "30s"),
                List.of());

        assertThat(https.tls().enabled()).isTrue();
        assertThat(https.tls().reloadInterval()).hasSeconds(30);
        assertThat(AgentConfig.defaults().tls().enabled()).isFalse();
        assertThat(AgentConfig.defaults().limits().maxConcurrentRequests()).isEqualTo(512);
    }
}
