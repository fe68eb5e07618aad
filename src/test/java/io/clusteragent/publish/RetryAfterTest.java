package io.clusteragent.publish;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    @Test
    void secondsAreADelay() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheTimeToWaitFor() {
        assertThat(RetryAfter.parse("Thu, 15 Jan 2026 12:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Thu, 15 Jan 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void absentOrMalformedValuesAreIgnored() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
    }
}
