package io.clusteragent.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheTest {

    /** Counts the analyses the cache asks for; each answers at once, keeping about {@code bytes} bytes. */
    private static final class Analysis implements Supplier<Future<KeptAnswer>> {
        final AtomicInteger runs = new AtomicInteger();
        final int bytes;

        Analysis(int bytes) {
            this.bytes = bytes;
        }

        @Override
        public Future<KeptAnswer> get() {
            runs.incrementAndGet();
            return Future.succeededFuture(answerOf(bytes));
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
        Promise<KeptAnswer> running = Promise.promise();
        AtomicInteger runs = new AtomicInteger();
        Supplier<Future<KeptAnswer>> slow = () -> {
            runs.incrementAndGet();
            return running.future();
        };

        Future<KeptAnswer> first = cache.answer("/ns", 1, 1, slow);
        Future<KeptAnswer> second = cache.answer("/ns", 1, 1, slow);
        assertThat(second.isComplete()).isFalse();
        KeptAnswer ok = KeptAnswer.of("{\"ok\":true}");
        running.complete(ok);

        assertThat(runs).hasValue(1);
        assertThat(second.result()).isSameAs(first.result());
        assertThat(cache.size()).isEqualTo(ok.size());
    }

    @Test
    void aFailedAnalysisIsNotKept() {
        ResponseCache cache = new ResponseCache(1024);
        AtomicInteger runs = new AtomicInteger();
        Supplier<Future<KeptAnswer>> notFound = () -> {
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
        int each = answerOf(100).size();
        ResponseCache cache = new ResponseCache(4L * each);
        Analysis analysis = new Analysis(100);
        cache.answer("/a", 1, 1, analysis);
        cache.answer("/b", 1, 1, analysis);
        cache.answer("/c", 1, 1, analysis);
        cache.answer("/a", 1, 1, analysis);
        cache.answer("/d", 1, 1, analysis);
        cache.answer("/e", 1, 1, analysis);
        assertThat(analysis.runs).hasValue(5);
        assertThat(cache.size()).isLessThanOrEqualTo(4L * each);

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

        assertThat(cache.size()).isEqualTo(answerOf(50).size());
    }

    @Test
    void anAnswerOverAQuarterOfTheSizeIsNotKept() {
        Analysis huge = new Analysis(101);
        ResponseCache cache = new ResponseCache(4L * answerOf(101).size() - 1);
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

    @Test
    void anAnswerOnlyOlderThanASecondIsServedWhileItsSuccessorIsComputed() {
        ResponseCache cache = new ResponseCache(1024);
        KeptAnswer first = KeptAnswer.of("{\"n\":1}");
        Promise<KeptAnswer> recomputing = Promise.promise();
        AtomicInteger runs = new AtomicInteger();
        cache.answer("/ns", 1, 100_000, () -> Future.succeededFuture(first));
        Supplier<Future<KeptAnswer>> slow = () -> {
            runs.incrementAndGet();
            return recomputing.future();
        };

        Future<KeptAnswer> during = cache.answer("/ns", 1, 101_200, slow);
        Future<KeptAnswer> again = cache.answer("/ns", 1, 101_300, slow);
        assertThat(during.result()).as("served at once, from before").isSameAs(first);
        assertThat(again.result()).isSameAs(first);
        assertThat(runs).as("one recomputation").hasValue(1);

        KeptAnswer second = KeptAnswer.of("{\"n\":2}");
        recomputing.complete(second);
        assertThat(cache.answer("/ns", 1, 101_400, slow).result()).isSameAs(second);
        assertThat(cache.size()).isEqualTo(second.size());
    }

    @Test
    void aChangedStateOrAnAnswerLongUnaskedIsNeverServedFromBefore() {
        ResponseCache cache = new ResponseCache(1024);
        KeptAnswer old = KeptAnswer.of("{\"n\":1}");
        cache.answer("/ns", 1, 100_000, () -> Future.succeededFuture(old));
        Promise<KeptAnswer> computing = Promise.promise();

        assertThat(cache.answer("/ns", 2, 101_200, computing::future).isComplete())
                .as("the state moved: wait for the new answer")
                .isFalse();
        cache.answer("/other", 1, 100_000, () -> Future.succeededFuture(old));
        assertThat(cache.answer("/other", 1, 102_000, Promise.<KeptAnswer>promise()::future)
                        .isComplete())
                .as("two seconds old")
                .isFalse();
    }

    private static KeptAnswer answerOf(int bytes) {
        return KeptAnswer.of(new byte[bytes]);
    }
}
