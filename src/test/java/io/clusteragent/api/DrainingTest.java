package io.clusteragent.api;

import io.clusteragent.testing.RawClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Once the agent drains, readiness fails while every request is still answered, each closing its connection. */
class DrainingTest {

    @Test
    void readinessFailsButTheApiAnswersAndTellsKeptAliveClientsToGo() throws Exception {
        try (GuardedServer server = new GuardedServer(Map.of());
                RawClient keptAlive = RawClient.connect(server.port);
                RawClient probe = RawClient.connect(server.port)) {
            assertThat(keptAlive
                            .send(RawClient.get("/api/v1/namespace/shop/error"))
                            .read()
                            .header("Connection"))
                    .isNull();

            server.draining.begin();
            RawClient.Answer readiness = probe.send(RawClient.get("/readyz")).read();
            RawClient.Answer answer = keptAlive
                    .send(RawClient.get("/api/v1/namespace/shop/error"))
                    .read();

            assertThat(readiness.status()).isEqualTo(503);
            assertThat(new JsonObject(readiness.body())
                            .getJsonArray("checks").stream()
                                    .map(JsonObject.class::cast)
                                    .filter(check -> check.getString("id").equals("shutdown"))
                                    .findFirst()
                                    .orElseThrow()
                                    .getString("status"))
                    .isEqualTo("DOWN");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(keptAlive.closedWithin(Duration.ofSeconds(3)))
                    .as("closed after its answer")
                    .isTrue();
        }
    }
}
