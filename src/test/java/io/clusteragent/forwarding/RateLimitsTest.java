package io.clusteragent.forwarding;

import io.clusteragent.config.Rate;
import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.InvolvedObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    private static Occurrence backOff(String namespace, String pod, int occurrences) {
        return new Occurrence(
                "event-" + pod,
                "Warning",
                "BackOff",
                "Back-off restarting failed container",
                new InvolvedObject("Pod", namespace, pod, "uid-" + pod),
                Category.Customer,
                occurrences,
                occurrences,
                AT,
                AT);
    }

    @Test
    void pastTheBurstOfANamespaceAndReasonOccurrencesAreHeldBackAndSummarized() {
        RateLimits limits =
                new RateLimits(new Rate(2, Duration.ofMinutes(1)), new Rate(1000, Duration.ofSeconds(1)), 0);
        Occurrence repeat = backOff("shop", "cart", 3);

        assertThat(limits.admit(repeat, 0)).as("first of its object and reason").isTrue();
        assertThat(limits.admit(repeat, 0)).isTrue();
        assertThat(limits.admit(repeat, 0)).as("bucket empty").isFalse();
        assertThat(limits.admit(repeat, 0)).isFalse();

        List<RateLimits.Summary> summaries = limits.drainHeld();
        assertThat(summaries).singleElement().satisfies(summary -> {
            assertThat(summary.namespace()).isEqualTo("shop");
            assertThat(summary.reason()).isEqualTo("BackOff");
            assertThat(summary.occurrences()).isEqualTo(6);
            assertThat(summary.category()).isEqualTo(Category.Customer);
        });
        assertThat(limits.drainHeld())
                .as("each held occurrence summarized once")
                .isEmpty();
    }

    @Test
    void theFirstOccurrenceOfANewObjectAndReasonIsNeverHeldBackEvenWithEveryBucketEmpty() {
        RateLimits limits = new RateLimits(new Rate(1, Duration.ofHours(1)), new Rate(1, Duration.ofHours(1)), 0);
        limits.admit(backOff("shop", "cart-1", 1), 0);
        assertThat(limits.admit(backOff("shop", "cart-1", 1), 0)).isFalse();

        for (int pod = 2; pod <= 50; pod++) {
            assertThat(limits.admit(backOff("shop", "cart-" + pod, 1), 0))
                    .as("first BackOff of cart-" + pod)
                    .isTrue();
        }
        assertThat(limits.drainHeld())
                .singleElement()
                .extracting(RateLimits.Summary::occurrences)
                .isEqualTo(1L);
    }

    @Test
    void theGlobalBucketLimitsTheWholeClusterAndBucketsRefillWithTime() {
        RateLimits limits = new RateLimits(new Rate(100, Duration.ofSeconds(1)), new Rate(2, Duration.ofSeconds(1)), 0);
        Occurrence a = backOff("shop", "cart", 1);
        Occurrence b = backOff("billing", "invoice", 1);
        limits.admit(a, 0);
        limits.admit(b, 0);

        assertThat(limits.admit(a, 0)).isFalse();
        assertThat(limits.admit(b, 0)).isFalse();
        assertThat(limits.admit(a, SECOND)).as("a second later, refilled").isTrue();
    }
}
