package io.clusteragent.publish;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting without blocking a thread: polls on a timer and completes a future. */
final class Waits {

    private static final long POLL_MILLIS = 20;

    private Waits() {
    }

    static Future<Void> until(Vertx vertx, String what, BooleanSupplier condition, Duration timeout) {
        return poll(vertx, what, condition, System.nanoTime() + timeout.toNanos());
    }

    static Future<Void> pause(Vertx vertx, Duration duration) {
        return vertx.timer(duration.toMillis());
    }

    /** Runs the action on the context, so a context-confined object is only ever touched there. */
    static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(run -> action.get().onComplete(promise));
        return promise.future();
    }

    private static Future<Void> poll(Vertx vertx, String what, BooleanSupplier condition, long deadline) {
        if (condition.getAsBoolean()) {
            return Future.succeededFuture();
        }
        if (System.nanoTime() > deadline) {
            return Future.failedFuture(new AssertionError("timed out waiting until " + what));
        }
        return vertx.timer(POLL_MILLIS).compose(fired -> poll(vertx, what, condition, deadline));
    }
}
