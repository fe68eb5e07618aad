package io.clusteragent.publish;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofMinutes(5);

    @Test
    void ceilingDoublesPerRetryUntilTheCap() {
        Backoff largest = new Backoff(BASE, CAP, () -> 1.0);
        assertThat(largest.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(largest.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(largest.delay(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(largest.delay(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(largest.delay(10)).isEqualTo(CAP);
        assertThat(largest.delay(10_000)).isEqualTo(CAP);
    }

    @Test
    void fullJitterSpreadsDelaysBetweenZeroAndTheCeiling() {
        assertThat(new Backoff(BASE, CAP, () -> 0.0).delay(4)).isEqualTo(Duration.ZERO);
        assertThat(new Backoff(BASE, CAP, () -> 0.5).delay(4)).isEqualTo(Duration.ofSeconds(4));
    }
}
