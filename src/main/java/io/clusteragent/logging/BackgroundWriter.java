package io.clusteragent.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands items from the threads that must not wait (the event loops) to one daemon thread that writes
 * them, through a bounded queue. Handing over never blocks: when the queue is full the item is
 * dropped and counted, and the writer says so in a WARN at most once per {@code warnEvery}.
 */
public final class BackgroundWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWriter.class);
    private static final int BATCH = 512;

    private final String name;
    private final int capacity;
    /** Items, and the {@link Barrier}s of flushes waiting behind them. */
    private final BlockingQueue<Object> queue;

    private final Consumer<T> sink;
    private final Duration warnEvery;
    private final AtomicLong dropped = new AtomicLong();
    private long reported;
    private long lastWarning;

    /** Starts the writer thread, named {@code name}; it lives as long as the JVM. */
    public BackgroundWriter(String name, int capacity, Consumer<T> sink) {
        this(name, capacity, sink, Duration.ofSeconds(10));
    }

    BackgroundWriter(String name, int capacity, Consumer<T> sink, Duration warnEvery) {
        this.name = name;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.warnEvery = warnEvery;
        this.lastWarning = System.nanoTime() - warnEvery.toNanos();
        Thread thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the item for the writer, or drops and counts it when the queue is full; never waits. */
    public void submit(T item) {
        if (!queue.offer(item)) {
            dropped.incrementAndGet();
        }
    }

    /** Items dropped so far, because the queue was full or writing one failed. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Waits until everything queued before this call has been written, at most {@code timeout}.
     *
     * @return whether it was
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Barrier barrier = new Barrier();
        try {
            return queue.offer(barrier, timeout.toNanos(), TimeUnit.NANOSECONDS)
                    && barrier.passed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        List<Object> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                batch.add(next());
            } catch (InterruptedException e) {
                // Nobody interrupts this thread but the JVM going down, which ends it anyway.
                continue;
            }
            queue.drainTo(batch, BATCH - 1);
            batch.forEach(this::write);
            batch.clear();
            reportDrops();
        }
    }

    /** The next item, waiting for one; meanwhile, drops not yet reported are reported when they may be. */
    private Object next() throws InterruptedException {
        while (dropped.get() != reported) {
            Object item = queue.poll(lastWarning + warnEvery.toNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (item != null) {
                return item;
            }
            reportDrops();
        }
        return queue.take();
    }

    @SuppressWarnings("unchecked")
    private void write(Object item) {
        if (item instanceof Barrier barrier) {
            barrier.passed.countDown();
            return;
        }
        try {
            sink.accept((T) item);
        } catch (RuntimeException e) {
            // Lost as surely as a dropped one, and counted the same; the writer goes on with the next.
            dropped.incrementAndGet();
        }
    }

    private void reportDrops() {
        long now = System.nanoTime();
        long total = dropped.get();
        if (total == reported || now - lastWarning < warnEvery.toNanos()) {
            return;
        }
        LOG.warn(
                "{}: {} lines dropped because its queue of {} was full or writing them failed ({} since start)",
                name,
                total - reported,
                capacity,
                total);
        reported = total;
        lastWarning = now;
    }

    /** Marks a flush's place in the queue: everything before it has been written once it is passed. */
    private static final class Barrier {
        final CountDownLatch passed = new CountDownLatch(1);
    }
}
