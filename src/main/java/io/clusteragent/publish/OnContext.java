package io.clusteragent.publish;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Runs an action on the context that owns a delivery's state (its spool, its counters), whichever
 * thread asks: at once when already there, else by hopping over. A delivery confined to one context
 * needs no locks.
 */
public final class OnContext {

    private OnContext() {}

    public static <T> Future<T> call(Context context, java.util.function.Supplier<Future<T>> action) {
        if (Vertx.currentContext() == context) {
            return action.get();
        }
        Promise<T> promise = Promise.promise();
        context.runOnContext(run -> {
            try {
                action.get().onComplete(promise);
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }
}
