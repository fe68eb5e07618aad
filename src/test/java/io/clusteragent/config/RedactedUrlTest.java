package io.clusteragent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedUrlTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://agent:s3cret@agent-service:8443/events?token=t0ken#frag | https://agent-service:8443/events?token=***",
                "http://agent-service/events?token=t0ken&tenant=shop&flag     | http://agent-service/events?token=***&tenant=***&flag=***",
                "http://agent-service:8000/events                             | http://agent-service:8000/events",
                "http://user@[::1]:8000/a%20b?x=%2F                            | http://[::1]:8000/a%20b?x=***",
            })
    void aUrlIsShownWithoutUserInfoQueryValuesOrFragment(String url, String shown) {
        assertThat(RedactedUrl.of(URI.create(url))).isEqualTo(shown);
    }

    @Test
    void anHttpClientErrorQuotingTheUrlLosesItsSecrets() {
        URI url = URI.create("https://agent:s3cret@agent-service:8443/events?token=t0ken");
        String timeout =
                "The timeout period of 30000ms has been exceeded while executing POST /events?token=t0ken for server agent-service:8443";
        String refused = "Connection refused: https://agent:s3cret@agent-service:8443/events?token=t0ken";

        assertThat(RedactedUrl.scrub(timeout, url))
                .isEqualTo(
                        "The timeout period of 30000ms has been exceeded while executing POST /events?token=*** for server agent-service:8443");
        assertThat(RedactedUrl.scrub(refused, url))
                .isEqualTo("Connection refused: https://agent-service:8443/events?token=***");
        assertThat(RedactedUrl.scrub(null, url)).isNull();
    }

    @Test
    void theStartUpLineShowsNoPasswordOrToken() {
        AgentConfig config = AgentConfig.fromMap(
                Map.of("EVENT_SINK_URL", "https://agent:s3cret@agent-service:8443/events?token=t0ken"), List.of());

        assertThat(config.toString())
                .contains(" eventSink=https://agent-service:8443/events?token=*** ")
                .doesNotContain("s3cret")
                .doesNotContain("t0ken")
                .doesNotContain("agent:");
    }
}
