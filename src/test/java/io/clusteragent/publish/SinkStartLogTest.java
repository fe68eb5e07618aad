package io.clusteragent.publish;

import io.clusteragent.config.PublishSettings;
import io.clusteragent.testing.LogCapture;
import io.clusteragent.testing.Polling;
import io.vertx.core.Promise;
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

@ExtendWith(VertxExtension.class)
class SinkStartLogTest {

    @Test
    void theStartLineNamesTheAgentServiceWithoutPasswordOrToken(Vertx vertx, VertxTestContext test, @TempDir Path dir) {
        PublishSettings d = PublishSettings.defaults();
        PublishSettings settings = new PublishSettings(
                Optional.of(URI.create("http://agent:s3cret@localhost:1/events?token=t0ken")),
                d.eventTimeout(),
                1,
                dir,
                d.spoolMaxEntries(),
                d.retryBase(),
                d.retryCap());
        LogCapture log = LogCapture.of(AgentServiceSink.class);

        AgentServiceSink.start(vertx, settings)
                .onComplete(test.succeeding(sink -> test.verify(() -> {
                    log.close();
                    assertThat(log.lines())
                            .singleElement()
                            .asString()
                            .contains("url=http://localhost:1/events?token=***")
                            .doesNotContain("s3cret")
                            .doesNotContain("t0ken");
                    sink.close().onComplete(test.succeedingThenComplete());
                })));
    }

    @Test
    void aPostThatTimesOutIsLoggedWithoutPasswordOrToken(Vertx vertx, VertxTestContext test, @TempDir Path dir) {
        Receiver receiver = new Receiver(vertx)
                .answering(
                        (request, attempt) -> Promise.<Receiver.Reply>promise().future());
        PublishSettings d = PublishSettings.defaults();
        PublishSettings settings = new PublishSettings(
                Optional.of(URI.create("http://agent:s3cret@localhost:" + receiver.port() + "/events?token=t0ken")),
                Duration.ofMillis(200),
                1,
                dir,
                d.spoolMaxEntries(),
                Duration.ofMillis(10),
                Duration.ofMillis(50));
        LogCapture log = LogCapture.of(DeliveryLog.class);

        receiver.start()
                .compose(listening -> AgentServiceSink.start(vertx, settings))
                .compose(sink -> sink.publish(Incidents.open("f1", 1))
                        .compose(spooled -> Polling.until(
                                vertx, "a retry logged", () -> !log.lines().isEmpty(), Duration.ofSeconds(20)))
                        .compose(retried -> sink.close()))
                .onComplete(test.succeeding(done -> test.verify(() -> {
                    log.close();
                    assertThat(String.join("\n", log.lines()))
                            .contains("timeout")
                            .contains("token=***")
                            .doesNotContain("s3cret")
                            .doesNotContain("t0ken");
                    test.completeNow();
                })));
    }
}
