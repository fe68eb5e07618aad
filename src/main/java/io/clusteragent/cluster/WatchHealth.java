package io.clusteragent.cluster;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether one informer's cache can be served: it has listed, it runs, and its watch is up or has
 * been down for less than the grace period.
 * <p>
 * A watch ends routinely (fabric8 ends each one every 5-10 minutes, API servers and proxies end them
 * too) and is re-established a moment later over the same, still synced cache; a change made in
 * between arrives with the new watch, which resumes from the last resource version. Only a watch
 * that stays down past the grace period means the cache is falling behind. fabric8 reports no event
 * when a watch ends, so the moment it went down is the first time a check finds it down; checks run
 * on every readiness read and on a one-second tick.
 */
final class WatchHealth {

    private static final Logger LOG = LoggerFactory.getLogger(WatchHealth.class);
    private static final long UP = Long.MIN_VALUE;

    private final String resource;
    private final SharedIndexInformer<?> informer;
    private final WatchConnections.Channel connections;
    private final long graceNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong downSince = new AtomicLong(UP);
    private final AtomicBoolean reportedDown = new AtomicBoolean();

    WatchHealth(
            String resource,
            SharedIndexInformer<?> informer,
            WatchConnections.Channel connections,
            Duration grace,
            LongSupplier nanoTime) {
        this.resource = resource;
        this.informer = informer;
        this.connections = connections;
        this.graceNanos = grace.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Allocation-free apart from what fabric8's {@code isWatching()} does: it runs on every API request. */
    boolean ready() {
        if (!informer.hasSynced() || !informer.isRunning()) {
            return false;
        }
        if (informer.isWatching() || connections.streaming()) {
            up();
            return true;
        }
        long now = nanoTime.getAsLong();
        long since = downSince.get();
        if (since == UP) {
            downSince.compareAndSet(UP, now);
            return true;
        }
        if (now - since < graceNanos) {
            return true;
        }
        if (reportedDown.compareAndSet(false, true)) {
            LOG.warn(
                    "the watch of {} has been down for {} ms, longer than WATCH_GRACE_PERIOD ({} ms): not ready until it is back; {}",
                    resource,
                    (now - since) / 1_000_000,
                    graceNanos / 1_000_000,
                    connections.lastFailure());
        }
        return false;
    }

    /** fabric8 calls this with each list or watch failure the informer itself handles; keep retrying once started. */
    boolean retryAfter(boolean started, Throwable failure) {
        connections.failed(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        return started;
    }

    private void up() {
        if (downSince.get() != UP) {
            long since = downSince.getAndSet(UP);
            if (since != UP && reportedDown.compareAndSet(true, false)) {
                LOG.info(
                        "the watch of {} is back after {} ms down",
                        resource,
                        (nanoTime.getAsLong() - since) / 1_000_000);
            }
        }
        connections.forgetFailure();
    }
}
