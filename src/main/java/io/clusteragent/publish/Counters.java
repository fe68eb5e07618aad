package io.clusteragent.publish;

import java.util.concurrent.atomic.AtomicLong;

/** Attempt outcomes, written on the sink's context and read by metrics from anywhere. */
final class Counters {

    final AtomicLong delivered = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong posts = new AtomicLong();
    final AtomicLong postNanos = new AtomicLong();

    void posted(long nanos) {
        posts.incrementAndGet();
        postNanos.addAndGet(nanos);
    }

    PostTimes postTimes() {
        return new PostTimes(posts.get(), postNanos.get());
    }

    PublishStats snapshot(Spool<?> spool) {
        return new PublishStats(
                delivered.get(), retried.get(), rejected.get(), spool.droppedCount(), spool.waiting(), spool.depth());
    }
}
