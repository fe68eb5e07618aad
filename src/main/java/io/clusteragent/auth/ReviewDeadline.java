package io.clusteragent.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * How long the agent waits for the API server's answer to one review (AUTH_REVIEW_TIMEOUT): past it the review
 * counts as failed, whatever fabric8's own, longer request timeout would still wait for.
 */
final class ReviewDeadline {

    private final Vertx vertx;
    private final long timeoutMs;

    ReviewDeadline(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeoutMs = timeout.toMillis();
    }

    /** {@code answer}, or a failure once the timeout has passed without one. */
    <T> Future<T> bound(Future<T> answer) {
        Promise<T> bounded = Promise.promise();
        long timer = vertx.setTimer(
                timeoutMs,
                id -> bounded.tryFail(
                        new TimeoutException("the API server did not answer within " + timeoutMs + "ms")));
        answer.onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                bounded.tryComplete(result.result());
            } else {
                bounded.tryFail(result.cause());
            }
        });
        return bounded.future();
    }
}
