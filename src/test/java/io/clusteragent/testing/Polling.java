package io.clusteragent.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Repeats an asynchronous check on Vert.x timers until its assertion holds or the time is up, for
 * state that converges through a watch. Nothing waits on a thread, so it is safe on the event loop.
 */
public final class Polling {

    private static final long INTERVAL_MILLIS = 20;

    private Polling() {}

    /**
     * @return the first value that passed {@code assertion}; failed with the last failure once {@code timeout} has passed
     */
    public static <T> Future<T> until(
            Vertx vertx, Duration timeout, Supplier<Future<T>> attempt, Consumer<T> assertion) {
        Promise<T> result = Promise.promise();
        poll(vertx, System.nanoTime() + timeout.toNanos(), attempt, assertion, result);
        return result.future();
    }

    /** Completes once {@code condition} holds; fails naming {@code what} once {@code timeout} has passed. */
    public static Future<Void> until(Vertx vertx, String what, BooleanSupplier condition, Duration timeout) {
        return until(vertx, timeout, () -> Future.<Void>succeededFuture(), ignored -> {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("timed out waiting until " + what);
            }
        });
    }

    public static Future<Void> pause(Vertx vertx, Duration duration) {
        return vertx.timer(duration.toMillis()).mapEmpty();
    }

    /** Runs the action on the context, so a context-confined object is only ever touched there. */
    public static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(run -> action.get().onComplete(promise));
        return promise.future();
    }

    private static <T> void poll(
            Vertx vertx, long deadline, Supplier<Future<T>> attempt, Consumer<T> assertion, Promise<T> result) {
        attempt.get().compose(value -> check(value, assertion)).onComplete(outcome -> {
            if (outcome.succeeded()) {
                result.complete(outcome.result());
            } else if (System.nanoTime() > deadline) {
                result.fail(outcome.cause());
            } else {
                vertx.setTimer(INTERVAL_MILLIS, id -> poll(vertx, deadline, attempt, assertion, result));
            }
        });
    }

    private static <T> Future<T> check(T value, Consumer<T> assertion) {
        try {
            assertion.accept(value);
            return Future.succeededFuture(value);
        } catch (AssertionError e) {
            return Future.failedFuture(e);
        }
    }
}
