package io.clusteragent.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    /** Allowed (true) answers live 60 ticks, denied ones 10. */
    private final ReviewCache<String, Boolean> cache = new ReviewCache<>(2, allowed -> allowed ? 60 : 10, now::get);

    @Test
    void anAnswerIsKeptForItsOwnTimeToLive() {
        assertThat(ask("allowed", true)).isTrue();
        assertThat(ask("denied", false)).isFalse();
        now.set(9);
        ask("allowed", true);
        ask("denied", false);
        assertThat(asked).hasValue(2);

        now.set(10);
        ask("denied", false);
        ask("allowed", true);
        assertThat(asked).hasValue(3);
        now.set(60);
        ask("allowed", true);
        assertThat(asked).hasValue(4);
    }

    @Test
    void aReviewInFlightIsSharedAndAFailedOneIsForgotten() {
        Promise<Boolean> review = Promise.promise();
        Future<Boolean> first = cache.get("k", () -> {
            asked.incrementAndGet();
            return review.future();
        });
        Future<Boolean> second = cache.get("k", () -> {
            asked.incrementAndGet();
            return Future.succeededFuture(true);
        });
        assertThat(asked).hasValue(1);

        review.fail("API server down");
        assertThat(first.failed()).isTrue();
        assertThat(second.failed()).isTrue();
        assertThat(ask("k", true)).isTrue();
        assertThat(asked).hasValue(2);
    }

    @Test
    void theLeastRecentlyUsedAnswerLeavesFirst() {
        ask("a", true);
        ask("b", true);
        ask("a", true);
        ask("c", true);
        assertThat(cache.size()).isEqualTo(2);
        ask("a", true);
        assertThat(asked).hasValue(3);
        ask("b", true);
        assertThat(asked).hasValue(4);
    }

    private boolean ask(String key, boolean answer) {
        return cache.get(key, () -> {
                    asked.incrementAndGet();
                    return Future.succeededFuture(answer);
                })
                .result();
    }
}
