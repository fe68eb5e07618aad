package io.clusteragent.publish;

import io.clusteragent.config.PublishSettings;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VertxExtension.class)
class SinksTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        PublishSettings defaults = PublishSettings.defaults();

        assertThat(defaults.url()).isEmpty();
        assertThat(defaults.eventTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(defaults.publishConcurrency()).isEqualTo(4);
        assertThat(defaults.spoolMaxEntries()).isEqualTo(10_000);
        assertThat(defaults.retryBase()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.retryCap()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void withoutAUrlIncidentsGoToTheLog(Vertx vertx, VertxTestContext test) {
        Sinks.create(vertx, PublishSettings.defaults())
                .onComplete(test.succeeding(sink -> test.verify(() -> {
                    assertThat(sink).isInstanceOf(ConsoleSink.class);
                    test.completeNow();
                })));
    }

    @Test
    void withAUrlIncidentsGoToTheAgentService(Vertx vertx, VertxTestContext test, @TempDir Path dir) {
        Sinks.create(vertx, Incidents.settings(1, dir, 1))
                .onComplete(test.succeeding(sink -> test.verify(() -> {
                    assertThat(sink).isInstanceOf(AgentServiceSink.class);
                    sink.close().onComplete(test.succeedingThenComplete());
                })));
    }

    @Test
    void aRelativeUrlIsRefused() {
        PublishSettings d = PublishSettings.defaults();
        assertThatThrownBy(() -> new PublishSettings(
                        Optional.of(URI.create("agent-service/events")),
                        d.eventTimeout(),
                        d.publishConcurrency(),
                        d.spoolDir(),
                        d.spoolMaxEntries(),
                        d.retryBase(),
                        d.retryCap()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http(s) URL");
    }
}
