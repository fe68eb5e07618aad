package io.clusteragent.publish;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.clusteragent.testing.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSinkTest {

    @Test
    void eachIncidentIsOneStructuredLogLine() {
        ConsoleSink sink = new ConsoleSink();
        try (LogCapture log = LogCapture.of(ConsoleSink.class)) {
            assertThat(sink.publish(Incidents.open("cpu_spike/shop/pod/web", 2)).succeeded())
                    .isTrue();

            ILoggingEvent line = log.events().get(0);
            assertThat(log.events()).hasSize(1);
            assertThat(line.getFormattedMessage())
                    .contains(
                            "status=open",
                            "type=cpu_spike",
                            "severity=critical",
                            "namespace=shop",
                            "resource=pod/web-7d4b9c-x2k4q",
                            "fingerprint=cpu_spike/shop/pod/web",
                            "version=2",
                            "CPU spike detected");
            assertThat(Arrays.stream(line.getArgumentArray()).map(Object::toString))
                    .contains("category=Customer");
        }
        assertThat(sink.stats().delivered()).isEqualTo(1);
    }
}
