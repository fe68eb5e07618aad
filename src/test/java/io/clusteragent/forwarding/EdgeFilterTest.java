package io.clusteragent.forwarding;

import io.clusteragent.config.CategoryRule;
import io.clusteragent.config.Rate;
import io.clusteragent.detect.Category;
import io.clusteragent.detect.PlatformNamespaces;
import io.clusteragent.forwarding.EdgeFilter.Outcome;
import io.clusteragent.forwarding.EdgeFilter.Result;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Occurrences are count increases between observations, never notifications. */
class EdgeFilterTest {

    private static final Rate GENEROUS = new Rate(1_000_000, Duration.ofSeconds(1));

    private final EdgeFilter filter = new EdgeFilter(
            new NormalEvents(Set.of("NodeNotReady")),
            new EventClassifier(
                    List.of(CategoryRule.platformNamespaces()), PlatformNamespaces.defaults(), ns -> Map.of()),
            new RateLimits(GENEROUS, GENEROUS, 0),
            1_000);

    @Test
    void aFirstSeenEventIsForwardedOnceWithItsWholeCount() {
        Result first = filter.observe(Events.warning("e1", "10", "shop", "cart", "BackOff", 7), 0);

        assertThat(first.outcome()).isEqualTo(Outcome.FORWARDED);
        assertThat(first.occurrences()).isEqualTo(7);
        assertThat(first.occurrence().count()).isEqualTo(7);
    }

    @Test
    void anUpdateRaisingTheCountForwardsTheIncreaseOnly() {
        filter.observe(Events.warning("e1", "10", "shop", "cart", "BackOff", 3), 0);

        Result bumped = filter.observe(Events.warning("e1", "11", "shop", "cart", "BackOff", 5), 0);

        assertThat(bumped.outcome()).isEqualTo(Outcome.FORWARDED);
        assertThat(bumped.occurrences()).isEqualTo(2);
        assertThat(bumped.occurrence().count()).isEqualTo(5);
    }

    @Test
    void aResyncOfTheSameResourceVersionForwardsNothing() {
        filter.observe(Events.warning("e1", "10", "shop", "cart", "BackOff", 3), 0);

        Result resync = filter.observe(Events.warning("e1", "10", "shop", "cart", "BackOff", 3), 0);

        assertThat(resync.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(resync.occurrence()).isNull();
    }

    @Test
    void anUpdateWithoutACountIncreaseForwardsNothing() {
        filter.observe(Events.warning("e1", "10", "shop", "cart", "BackOff", 3), 0);

        Result touched = filter.observe(Events.warning("e1", "12", "shop", "cart", "BackOff", 3), 0);

        assertThat(touched.outcome()).isEqualTo(Outcome.NOTHING_NEW);
    }

    @Test
    void aSeriesCountsBySeriesCountAndTakesItsLastObservedTime() {
        filter.observe(Events.series("s1", "20", "shop", "cart", 2, "2026-11-30T10:01:00.000000Z"), 0);

        Result later = filter.observe(Events.series("s1", "21", "shop", "cart", 6, "2026-11-30T10:31:00.000000Z"), 0);

        assertThat(later.occurrences()).isEqualTo(4);
        assertThat(later.occurrence().lastSeen()).isEqualTo(Instant.parse("2026-11-30T10:31:00Z"));
        assertThat(later.occurrence().firstSeen()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void theAggregateOfSimilarEventsCountsItsIncreasesUnderTheMessageWithoutTheMarker() {
        String message = EdgeFilter.AGGREGATE_PREFIX + "Liveness probe failed: connection refused";
        Result first = filter.observe(Events.event("agg", "30", "Warning", "shop", "cart", "Unhealthy", 1, message), 0);
        Result more = filter.observe(Events.event("agg", "31", "Warning", "shop", "cart", "Unhealthy", 4, message), 0);

        assertThat(first.occurrences()).isEqualTo(1);
        assertThat(more.occurrences()).isEqualTo(3);
        assertThat(more.occurrence().message()).isEqualTo("Liveness probe failed: connection refused");
    }

    @Test
    void normalEventsAreFilteredUnlessTheirReasonIsAllowed() {
        Result pulled = filter.observe(
                Events.event("n1", "40", "Normal", "shop", "cart", "Pulled", 1, "Successfully pulled image"), 0);
        Result notReady = filter.observe(
                Events.event("n2", "41", "Normal", "shop", "cart", "NodeNotReady", 1, "Node is not ready"), 0);

        assertThat(pulled.outcome()).isEqualTo(Outcome.FILTERED);
        assertThat(notReady.outcome()).isEqualTo(Outcome.FORWARDED);
    }

    @Test
    void aBaselineFromACheckpointIsNotForwardedAgainButItsLaterIncreaseIs() {
        filter.forwardable().remember("e1", null, 5);

        Result replayed = filter.observe(Events.warning("e1", "50", "shop", "cart", "BackOff", 5), 0);
        Result bumped = filter.observe(Events.warning("e1", "51", "shop", "cart", "BackOff", 8), 0);

        assertThat(replayed.outcome()).isEqualTo(Outcome.NOTHING_NEW);
        assertThat(bumped.occurrences()).isEqualTo(3);
    }

    @Test
    void eventsInPlatformNamespacesAreClassifiedPlatform() {
        Result system = filter.observe(Events.warning("k1", "60", "kube-system", "coredns", "BackOff", 1), 0);
        Result shop = filter.observe(Events.warning("k2", "61", "shop", "cart", "BackOff", 1), 0);

        assertThat(system.occurrence().category()).isEqualTo(Category.Platform);
        assertThat(shop.occurrence().category()).isEqualTo(Category.Customer);
    }
}
