package io.clusteragent.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheTest {

    /** Counts the analyses the cache asks for; each answers {@code bytes} bytes at once. */
    private static final class Analysis implements Supplier<Future<Buffer>> {
        final AtomicInteger runs = new AtomicInteger();
        final int bytes;

        Analysis(int bytes) {
            this.bytes = bytes;
        }

        @Override
        public Future<Buffer> get() {
            runs.incrementAndGet();
            return Future.succeededFuture(Buffer.buffer(new byte[bytes]));
        }
    }

    @Test
    void answersAgainOnlyForTheSameVersionWithinASecond() {
        ResponseCache cache = new ResponseCache(1024);
        Analysis analysis = new Analysis(2);

        cache.answer("/a", 7, 100_000, analysis);
        cache.answer("/a", 7, 100_999, analysis);
        assertThat(analysis.runs).as("asked again, nothing changed").hasValue(1);

        cache.answer("/a", 8, 100_999, analysis);
        assertThat(analysis.runs).as("the state moved").hasValue(2);
        cache.answer("/a", 8, 101_999, analysis);
        assertThat(analysis.runs).as("a second later").hasValue(3);
        cache.answer("/a", 8, 101_000, analysis);
        assertThat(analysis.runs).as("the clock went back").hasValue(4);
        cache.answer("/b", 8, 101_000, analysis);
        assertThat(analysis.runs).as("another path").hasValue(5);
    }

    @Test
    void eachAnswerExpiresASecondAfterItWasComputedNotAtTheTick() {
        ResponseCache cache = new ResponseCache(1024);
        Analysis analysis = new Analysis(2);

        cache.answer("/a", 1, 100_600, analysis);
        cache.answer("/a", 1, 101_500, analysis);

        assertThat(analysis.runs)
                .as("900 ms later, across a tick of the second")
                .hasValue(1);
    }

    @Test
    void requestsDuringAnAnalysisWaitForItInsteadOfRepeatingIt() {
        ResponseCache cache = new ResponseCache(1024);
        Promise<Buffer> running = Promise.promise();
        AtomicInteger runs = new AtomicInteger();
        Supplier<Future<Buffer>> slow = () -> {
            runs.incrementAndGet();
            return running.future();
        };

        Future<Buffer> first = cache.answer("/ns", 1, 1, slow);
        Future<Buffer> second = cache.answer("/ns", 1, 1, slow);
        assertThat(second.isComplete()).isFalse();
        running.complete(Buffer.buffer("{\"ok\":true}"));

        assertThat(runs).hasValue(1);
        assertThat(second.result()).isEqualTo(first.result());
        assertThat(cache.size()).isEqualTo(11);
    }

    @Test
    void aFailedAnalysisIsNotKept() {
        ResponseCache cache = new ResponseCache(1024);
        AtomicInteger runs = new AtomicInteger();
        Supplier<Future<Buffer>> notFound = () -> {
            runs.incrementAndGet();
            return Future.failedFuture(ApiException.notFound("Pod", "Pod 'p' not found"));
        };

        assertThat(cache.answer("/p", 1, 1, notFound).failed()).isTrue();
        assertThat(cache.answer("/p", 1, 1, notFound).failed()).isTrue();

        assertThat(runs).as("the second request tried again").hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void evictsTheLeastRecentlyUsedAnswersBeyondItsSize() {
        ResponseCache cache = new ResponseCache(400);
        Analysis analysis = new Analysis(100);
        cache.answer("/a", 1, 1, analysis);
        cache.answer("/b", 1, 1, analysis);
        cache.answer("/c", 1, 1, analysis);
        cache.answer("/a", 1, 1, analysis);
        cache.answer("/d", 1, 1, analysis);
        cache.answer("/e", 1, 1, analysis);
        assertThat(analysis.runs).hasValue(5);
        assertThat(cache.size()).isLessThanOrEqualTo(400);

        cache.answer("/a", 1, 1, analysis);
        cache.answer("/e", 1, 1, analysis);
        assertThat(analysis.runs).as("recently used answers stay").hasValue(5);
        cache.answer("/b", 1, 1, analysis);
        assertThat(analysis.runs).as("the least recently used went first").hasValue(6);
    }

    @Test
    void aReplacedAnswerNoLongerCountsAgainstTheSize() {
        ResponseCache cache = new ResponseCache(1000);
        cache.answer("/a", 1, 1, new Analysis(200));
        cache.answer("/a", 2, 1, new Analysis(50));

        assertThat(cache.size()).isEqualTo(50);
    }

    @Test
    void anAnswerOverAQuarterOfTheSizeIsNotKept() {
        ResponseCache cache = new ResponseCache(400);
        Analysis huge = new Analysis(101);
        cache.answer("/big", 1, 1, huge);
        cache.answer("/big", 1, 1, huge);

        assertThat(huge.runs).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void sizeZeroKeepsAndSharesNothing() {
        ResponseCache cache = new ResponseCache(0);
        Analysis analysis = new Analysis(2);
        cache.answer("/a", 1, 1, analysis);
        cache.answer("/a", 1, 1, analysis);

        assertThat(analysis.runs).hasValue(2);
    }
}
