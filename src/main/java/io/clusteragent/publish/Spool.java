package io.clusteragent.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * A delivery queue kept on disk, so an outage of any length or a restart loses nothing. An entry is
 * claimed while it is being delivered, and entries of one order key are claimed in the order they were
 * spooled, never overtaking each other. Bounded: when full, the oldest expendable entry that is not
 * being delivered is dropped first, then the oldest of any kind. What it holds, and which entries are
 * expendable, is its {@link SpoolCodec}'s: incidents for the Agent Service, event records for Kafka.
 *
 * <p>Confined to one context: every method is called from the context that opened it. The file I/O
 * runs on a single-thread worker pool per spool, so writes and deletes happen in the order they were asked for.
 *
 * @param <T> the spooled item
 */
public final class Spool<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final String IO_POOL = "publish-spool-io";

    private final SpoolFiles<T> files;
    private final SpoolCodec<T> codec;
    private final WorkerExecutor io;
    private final int maxEntries;
    private final TreeMap<Long, SpoolEntry<T>> entries = new TreeMap<>();
    private final Set<Long> claimed = new HashSet<>();
    /** Claimed entries per order key: a key with any is busy. */
    private final Map<String, Integer> busyKeys = new HashMap<>();

    private final AtomicLong dropped = new AtomicLong();
    private long nextSequence;
    private Future<?> lastIo = Future.succeededFuture();
    private volatile int depth;
    private volatile int waiting;

    private Spool(SpoolFiles<T> files, SpoolCodec<T> codec, WorkerExecutor io, int maxEntries) {
        this.files = files;
        this.codec = codec;
        this.io = io;
        this.maxEntries = maxEntries;
    }

    /** The incident spool: creates the directory if needed and loads what a previous run left, oldest first. */
    static Future<Spool<OutgoingIncident>> open(Vertx vertx, Path dir, int maxEntries) {
        return open(vertx, dir, maxEntries, IncidentSpoolCodec.INSTANCE, IO_POOL);
    }

    /**
     * A spool of {@code codec}'s items in {@code dir}, loaded with what a previous run left, oldest first.
     *
     * @param ioPool the name of its single-thread file I/O pool; one per spool, so one spool's fsyncs do not delay another's
     */
    public static <T> Future<Spool<T>> open(Vertx vertx, Path dir, int maxEntries, SpoolCodec<T> codec, String ioPool) {
        Spool<T> spool = new Spool<>(
                new SpoolFiles<>(dir, codec), codec, vertx.createSharedWorkerExecutor(ioPool, 1), maxEntries);
        return spool.<List<SpoolEntry<T>>>blocking(spool.files::load).map(loaded -> {
            loaded.forEach(entry -> spool.entries.put(entry.sequence(), entry));
            spool.nextSequence =
                    loaded.isEmpty() ? 1 : loaded.get(loaded.size() - 1).sequence() + 1;
            while (spool.entries.size() > maxEntries) {
                spool.evictOne();
            }
            spool.updateDepth();
            return spool;
        });
    }

    /**
     * Completes once the item is on disk. An item whose identity is already spooled is not written
     * twice: after a crash, detection offers again what it is not sure was spooled.
     */
    public Future<SpoolEntry<T>> add(T item) {
        String identity = codec.identity(item);
        if (identity != null) {
            Optional<SpoolEntry<T>> spooled = entries.values().stream()
                    .filter(e -> identity.equals(codec.identity(e.item())))
                    .findFirst();
            if (spooled.isPresent()) {
                return Future.succeededFuture(spooled.get());
            }
        }
        SpoolEntry<T> entry = new SpoolEntry<>(nextSequence++, item);
        return this.<SpoolEntry<T>>blocking(() -> {
                    files.write(entry);
                    return entry;
                })
                .recover(failure -> Future.failedFuture(new IOException(
                        "could not write to SPOOL_DIR " + files.dir() + ": "
                                + (failure instanceof Exception e ? SpoolFailure.describe(e) : failure.toString()),
                        failure)))
                .onSuccess(written -> {
                    if (entries.size() >= maxEntries) {
                        evictOne();
                    }
                    entries.put(written.sequence(), written);
                    updateDepth();
                });
    }

    /** The oldest entry whose order key has nothing in delivery, now claimed; empty when none is ready. */
    Optional<SpoolEntry<T>> claimNext() {
        List<SpoolEntry<T>> next = claim(1);
        return next.isEmpty() ? Optional.empty() : Optional.of(next.get(0));
    }

    /**
     * Up to {@code max} of the oldest entries whose order keys have nothing in delivery, now claimed, in
     * spool order: a transport that sends them in this order keeps each key's order.
     */
    public List<SpoolEntry<T>> claim(int max) {
        List<SpoolEntry<T>> batch = new ArrayList<>();
        for (SpoolEntry<T> entry : entries.values()) {
            if (batch.size() >= max) {
                break;
            }
            if (!claimed.contains(entry.sequence()) && !busyKeys.containsKey(codec.orderKey(entry.item()))) {
                batch.add(entry);
            }
        }
        batch.forEach(entry -> {
            claimed.add(entry.sequence());
            busyKeys.merge(codec.orderKey(entry.item()), 1, Integer::sum);
        });
        updateDepth();
        return batch;
    }

    /** Gives a claimed entry back undelivered, for a later claim. */
    public void release(SpoolEntry<T> entry) {
        unclaim(entry);
        updateDepth();
    }

    /** Forgets a delivered or refused entry, which frees its order key for the next one. */
    public Future<Void> remove(SpoolEntry<T> entry) {
        entries.remove(entry.sequence());
        unclaim(entry);
        updateDepth();
        return this.<Void>blocking(() -> {
                    files.delete(entry.sequence());
                    return null;
                })
                .onFailure(e -> LOG.warn(
                        "could not delete spool file, its item may be sent again after a restart {}: {}",
                        kv("file", entry.sequence()),
                        e.toString()));
    }

    /** Completes once every write and delete asked for so far is done, successful or not. */
    public Future<Void> settled() {
        return lastIo.transform(done -> Future.<Void>succeededFuture());
    }

    /** What is spooled, oldest first. */
    public List<SpoolEntry<T>> entries() {
        return List.copyOf(entries.values());
    }

    public int depth() {
        return depth;
    }

    /** Entries not being delivered. */
    public int waiting() {
        return waiting;
    }

    public long droppedCount() {
        return dropped.get();
    }

    Path dir() {
        return files.dir();
    }

    /** Completes after every write and delete asked for so far. */
    public Future<Void> close() {
        return lastIo.transform(done -> io.close());
    }

    private void unclaim(SpoolEntry<T> entry) {
        if (claimed.remove(entry.sequence())) {
            busyKeys.computeIfPresent(codec.orderKey(entry.item()), (key, count) -> count > 1 ? count - 1 : null);
        }
    }

    /** Claimed entries are never evicted; if every entry is claimed the spool briefly holds one more. */
    private void evictOne() {
        Optional<SpoolEntry<T>> victim = oldestUnclaimed(true).or(() -> oldestUnclaimed(false));
        victim.ifPresent(entry -> {
            dropped.incrementAndGet();
            codec.logDropped(entry.item(), maxEntries);
            remove(entry);
        });
    }

    private Optional<SpoolEntry<T>> oldestUnclaimed(boolean expendableOnly) {
        return entries.values().stream()
                .filter(entry -> !claimed.contains(entry.sequence()))
                .filter(entry -> !expendableOnly || codec.expendable(entry.item()))
                .findFirst();
    }

    private void updateDepth() {
        depth = entries.size();
        waiting = entries.size() - claimed.size();
    }

    private <R> Future<R> blocking(Callable<R> task) {
        Future<R> result = io.executeBlocking(task, true);
        lastIo = result;
        return result;
    }
}
