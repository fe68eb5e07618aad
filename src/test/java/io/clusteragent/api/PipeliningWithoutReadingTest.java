package io.clusteragent.api;

import io.clusteragent.testing.Eventually;
import io.clusteragent.testing.RawClient;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.clusteragent.api.GuardedServer.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that pipeline thousands of requests on a connection and never read the answers: the agent
 * answers only as much as the connection can take, keeps serving everyone else, and closes them at
 * WRITE_TIMEOUT.
 */
class PipeliningWithoutReadingTest {

    private static final int CLIENTS = 20;
    private static final int REQUESTS_EACH = 3000;
    /** About 9 KB kept per answer on the demo cluster. */
    private static final byte[] PIPELINE =
            RawClient.get("/api/v1/namespace/shop/error").repeat(REQUESTS_EACH).getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void answersWaitForTheClientToReadInsteadOfPilingUpInMemory() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(CLIENTS);
        try (AccessLines access = new AccessLines();
                GuardedServer server = new GuardedServer(Map.of("WRITE_TIMEOUT", "60s", "READ_TIMEOUT", "60s"))) {
            WebClient probe = WebClient.create(server.vertx);
            await(probe.get(server.port, "localhost", "/healthz").send());
            List<RawClient> clients = pipelineWithoutReading(server.port, senders);
            int answered = stableCount(access);
            long healthzStart = System.nanoTime();
            int healthz = await(probe.get(server.port, "localhost", "/healthz").send())
                    .statusCode();

            assertThat(healthz).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - healthzStart)).isLessThan(Duration.ofSeconds(1));
            // What the sockets' buffers hold, a few hundred answers per client, not all 60,000 requests.
            assertThat(answered).isLessThan(CLIENTS * REQUESTS_EACH / 4);
            for (RawClient client : clients) {
                client.close();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aClientThatNeverReadsIsClosedAfterTheWriteTimeout() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(CLIENTS);
        try (GuardedServer server = new GuardedServer(Map.of("WRITE_TIMEOUT", "1s", "READ_TIMEOUT", "60s"))) {
            List<RawClient> clients = pipelineWithoutReading(server.port, senders);
            WebClient scraper = WebClient.create(server.vertx);

            // The agent's side of each connection is closed; the client still has to read what was sent before the
            // close.
            Eventually.assertWithin(
                    Duration.ofSeconds(10),
                    () -> assertThat(activeConnections(scraper, server.port))
                            .as("open connections besides the one asking")
                            .isEqualTo(1));
            for (RawClient client : clients) {
                client.close();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private static int activeConnections(WebClient client, int port) {
        try {
            String metrics =
                    await(client.get(port, "localhost", "/metrics").send()).bodyAsString();
            Matcher gauge = Pattern.compile("(?m)^vertx_http_server_active_connections ([0-9.]+)$")
                    .matcher(metrics);
            assertThat(gauge.find()).as("the active connections gauge").isTrue();
            return (int) Double.parseDouble(gauge.group(1));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<RawClient> pipelineWithoutReading(int port, ExecutorService senders) throws IOException {
        List<RawClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            RawClient client = RawClient.connectReadingLittle(port);
            clients.add(client);
            senders.submit(() -> client.send(PIPELINE));
        }
        return clients;
    }

    /** The number of answered requests once it has not moved for a second (bounded at 30 s). */
    private static int stableCount(AccessLines access) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int last = -1;
        int now = access.count();
        while (now != last && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            last = now;
            now = access.count();
        }
        return now;
    }
}
