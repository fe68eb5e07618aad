package io.clusteragent.api;

import io.clusteragent.testing.RawClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Connections that never complete a request head are closed at READ_TIMEOUT, and only those. */
class SlowAndSilentClientsTest {

    private static final Map<String, String> SHORT_READ_TIMEOUT = Map.of("READ_TIMEOUT", "500ms");

    @Test
    void connectionsThatSendNothingAreClosedAfterTheReadTimeout() throws Exception {
        try (GuardedServer server = new GuardedServer(SHORT_READ_TIMEOUT)) {
            List<RawClient> silent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                silent.add(RawClient.connect(server.port));
            }
            for (RawClient client : silent) {
                assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
                client.close();
            }
        }
    }

    @Test
    void aClientTricklingItsRequestHeadIsCutOffAtTheReadTimeout() throws Exception {
        try (GuardedServer server = new GuardedServer(SHORT_READ_TIMEOUT);
                RawClient slow = RawClient.connect(server.port)) {
            long start = System.nanoTime();
            slow.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
            boolean cutOff = false;
            // One header byte every 100 ms: never idle for as long as READ_TIMEOUT, so only a deadline stops it.
            while (!cutOff && System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
                try {
                    slow.send("X");
                    Thread.sleep(100);
                } catch (IOException closed) {
                    cutOff = true;
                }
            }
            assertThat(cutOff || slow.closedWithin(Duration.ofMillis(100)))
                    .as("closed")
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void eachRequestHeadHasTheReadTimeoutCountedFromThePreviousAnswer() throws Exception {
        try (GuardedServer server = new GuardedServer(SHORT_READ_TIMEOUT);
                RawClient client = RawClient.connect(server.port)) {
            for (int i = 0; i < 4; i++) {
                assertThat(client.send(RawClient.get("/healthz")).read().status())
                        .isEqualTo(200);
                Thread.sleep(
                        300); // 1.2 s in all on one connection, never 500 ms between an answer and the next request
            }
            assertThat(client.send(RawClient.get("/healthz")).read().status()).isEqualTo(200);
        }
    }

    @Test
    void aKeptAliveConnectionIsClosedWhenNoRequestFollowsWithinTheReadTimeout() throws Exception {
        try (GuardedServer server = new GuardedServer(SHORT_READ_TIMEOUT);
                RawClient client = RawClient.connect(server.port)) {
            assertThat(client.send(RawClient.get("/healthz")).read().status()).isEqualTo(200);

            assertThat(client.closedWithin(Duration.ofSeconds(3))).isTrue();
        }
    }
}
