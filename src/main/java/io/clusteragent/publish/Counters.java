package io.clusteragent.publish;

import java.util.concurrent.atomic.AtomicLong;

/** Attempt outcomes, written on the sink's context and read by metrics from anywhere. */
final class Counters {

    final AtomicLong delivered = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();

    PublishStats snapshot(Spool spool) {
        return new PublishStats(delivered.get(), retried.get(), rejected.get(), spool.droppedCount(), spool.waiting(), spool.depth());
    }
}
