package io.clusteragent.auth;

import io.clusteragent.config.AuthSettings;
import io.clusteragent.testing.LogCapture;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AccessControlTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void warnsAtStartWhenAnyoneWhoReachesThePortMayCallTheApi() {
        try (LogCapture log = LogCapture.of(AccessControl.class)) {
            AccessControl open = AccessControl.of(vertx, AuthSettings.none(), null, "0.0.0.0");

            assertThat(open.enabled()).isFalse();
            assertThat(log.lines())
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .startsWith("WARN authentication is off (AUTH_MODE=none) and the API listens on 0.0.0.0"));
        }
    }

    @Test
    void staysQuietWhenOnlyThisHostReachesThePort() {
        try (LogCapture log = LogCapture.of(AccessControl.class)) {
            AccessControl.of(vertx, AuthSettings.none(), null, "127.0.0.1");
            AccessControl.of(vertx, AuthSettings.none(), null, "localhost");

            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void aCallersBucketRefillsAtItsRate() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 10, now::get);

        assertThat(limiter.acquire("alice")).isZero();
        assertThat(limiter.acquire("alice")).isZero();
        assertThat(limiter.acquire("alice")).isEqualTo(1);
        assertThat(limiter.acquire("bob")).as("another caller's bucket").isZero();
        now.addAndGet(500_000_000L);
        assertThat(limiter.acquire("alice")).isZero();
        assertThat(limiter.acquire("alice")).isEqualTo(1);
    }
}
