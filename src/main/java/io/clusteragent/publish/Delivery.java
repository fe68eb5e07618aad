package io.clusteragent.publish;

import io.clusteragent.publish.AgentServiceClient.Answer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Timer;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Delivering one spooled incident: attempts until the service accepts or refuses it for good. Connection
 * errors, timeouts, 429 and 5xx are retried without limit (an outage of any length must end with the
 * incident delivered), waiting as {@code Retry-After} asks or else as the backoff says.
 */
final class Delivery {

    private final SpoolEntry<OutgoingIncident> entry;
    private final AgentServiceClient client;
    private final Backoff backoff;
    private final Vertx vertx;
    private final Clock clock;
    private final Counters counters;
    private final Promise<Void> done = Promise.promise();
    private Timer pendingRetry;
    private boolean cancelled;

    Delivery(
            SpoolEntry<OutgoingIncident> entry,
            AgentServiceClient client,
            Backoff backoff,
            Vertx vertx,
            Clock clock,
            Counters counters) {
        this.entry = entry;
        this.client = client;
        this.backoff = backoff;
        this.vertx = vertx;
        this.clock = clock;
        this.counters = counters;
    }

    /** Completes when the incident was accepted or refused; fails only if cancelled first. */
    Future<Void> run() {
        attempt(1);
        return done.future();
    }

    SpoolEntry<OutgoingIncident> entry() {
        return entry;
    }

    /** Stops retrying; the incident stays spooled. */
    void cancel() {
        cancelled = true;
        if (pendingRetry != null) {
            pendingRetry.cancel();
        }
        done.tryFail("publishing stopped");
    }

    private void attempt(int attempt) {
        if (cancelled) {
            return;
        }
        long start = System.nanoTime();
        client.post(entry.item()).onComplete(result -> {
            counters.posted(System.nanoTime() - start);
            if (cancelled) {
                return;
            }
            if (result.failed()) {
                retry(attempt, result.cause().getMessage(), Optional.empty());
            } else {
                judge(result.result(), attempt);
            }
        });
    }

    private void judge(Answer answer, int attempt) {
        OutgoingIncident incident = entry.item();
        if (answer.accepted()) {
            counters.delivered.incrementAndGet();
            DeliveryLog.accepted(incident, answer.status(), answer.body(), attempt);
            done.tryComplete();
        } else if (answer.worthRetrying()) {
            retry(attempt, "HTTP " + answer.status(), RetryAfter.parse(answer.retryAfter(), clock.instant()));
        } else {
            counters.rejected.incrementAndGet();
            DeliveryLog.refused(incident, answer.status(), answer.body(), attempt);
            done.tryComplete();
        }
    }

    private void retry(int attempt, String failure, Optional<Duration> retryAfter) {
        counters.retried.incrementAndGet();
        Duration delay = retryAfter.orElseGet(() -> backoff.delay(attempt));
        DeliveryLog.retrying(entry.item(), failure, attempt, delay);
        pendingRetry = vertx.timer(Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        pendingRetry.onSuccess(fired -> attempt(attempt + 1));
    }
}
