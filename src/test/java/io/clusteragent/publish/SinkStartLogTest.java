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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class SinkStartLogTest {

    @Test
    void theStartLineNamesTheAgentServiceWithoutPasswordOrToken(Vertx vertx, VertxTestContext test, @TempDir Path dir) {
        PublishSettings d = PublishSettings.defaults();
        PublishSettings settings = new PublishSettings(Optional.of(URI.create("http://agent:s3cret@localhost:1/events?token=t0ken")),
                d.eventTimeout(), 1, dir, d.spoolMaxEntries(), d.retryBase(), d.retryCap());
        LogCapture log = new LogCapture(AgentServiceSink.class);

        AgentServiceSink.start(vertx, settings).onComplete(test.succeeding(sink -> test.verify(() -> {
            log.close();
            assertThat(log.lines()).singleElement().asString()
                    .contains("url=http://localhost:1/events?token=***")
                    .doesNotContain("s3cret").doesNotContain("t0ken");
            sink.close().onComplete(test.succeedingThenComplete());
        })));
    }
}
