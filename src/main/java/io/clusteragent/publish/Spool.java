package io.clusteragent.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * The delivery queue, kept on disk so an outage of any length or a restart loses nothing. An entry is
 * claimed while it is being delivered, and at most one entry per fingerprint is claimed at a time, so
 * versions of one incident go out in order. Bounded: when full, the oldest resolved notification that
 * is not being delivered is dropped first, then the oldest of any kind.
 *
 * <p>Confined to one context: every method is called from the context that opened it. The file I/O
 * runs on a single-thread worker pool, so writes and deletes happen in the order they were asked for.
 */
final class Spool {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final String IO_POOL = "publish-spool-io";

    private final SpoolFiles files;
    private final WorkerExecutor io;
    private final int maxEntries;
    private final TreeMap<Long, SpoolEntry> entries = new TreeMap<>();
    private final Set<Long> claimed = new HashSet<>();
    private final Set<String> busyFingerprints = new HashSet<>();
    private final AtomicLong dropped = new AtomicLong();
    private long nextSequence;
    private Future<?> lastIo = Future.succeededFuture();
    private volatile int depth;
    private volatile int waiting;

    private Spool(SpoolFiles files, WorkerExecutor io, int maxEntries) {
        this.files = files;
        this.io = io;
        this.maxEntries = maxEntries;
    }

    /** Creates the directory if needed and loads what a previous run left, oldest first. */
    static Future<Spool> open(Vertx vertx, Path dir, int maxEntries) {
        Spool spool = new Spool(new SpoolFiles(dir), vertx.createSharedWorkerExecutor(IO_POOL, 1), maxEntries);
        return spool.<List<SpoolEntry>>blocking(spool.files::load).map(loaded -> {
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
     * Completes once the incident is on disk. An incident whose key is already spooled is not written
     * twice: after a crash, detection offers again what it is not sure was spooled.
     */
    Future<SpoolEntry> add(OutgoingIncident incident) {
        Optional<SpoolEntry> spooled = entries.values().stream()
                .filter(e -> e.incident().idempotencyKey().equals(incident.idempotencyKey()))
                .findFirst();
        if (spooled.isPresent()) {
            return Future.succeededFuture(spooled.get());
        }
        SpoolEntry entry = new SpoolEntry(nextSequence++, incident);
        return this.<SpoolEntry>blocking(() -> {
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

    /** The oldest entry whose fingerprint has nothing in delivery, now claimed; empty when none is ready. */
    Optional<SpoolEntry> claimNext() {
        for (SpoolEntry entry : entries.values()) {
            String fingerprint = entry.incident().fingerprint();
            if (!busyFingerprints.contains(fingerprint)) {
                claimed.add(entry.sequence());
                busyFingerprints.add(fingerprint);
                updateDepth();
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** Forgets a delivered or refused entry, which frees its fingerprint for the next version. */
    Future<Void> remove(SpoolEntry entry) {
        entries.remove(entry.sequence());
        if (claimed.remove(entry.sequence())) {
            busyFingerprints.remove(entry.incident().fingerprint());
        }
        updateDepth();
        return this.<Void>blocking(() -> {
                    files.delete(entry.sequence());
                    return null;
                })
                .onFailure(e -> LOG.warn(
                        "could not delete spool file, the incident may be sent again after a restart {} {}: {}",
                        kv("fingerprint", entry.incident().fingerprint()),
                        kv("version", entry.incident().version()),
                        e.toString()));
    }

    /** What is spooled, oldest first. */
    List<SpoolEntry> entries() {
        return List.copyOf(entries.values());
    }

    int depth() {
        return depth;
    }

    /** Entries not being delivered. */
    int waiting() {
        return waiting;
    }

    long droppedCount() {
        return dropped.get();
    }

    Path dir() {
        return files.dir();
    }

    /** Completes after every write and delete asked for so far. */
    Future<Void> close() {
        return lastIo.transform(done -> io.close());
    }

    /** Claimed entries are never evicted; if every entry is claimed the spool briefly holds one more. */
    private void evictOne() {
        Optional<SpoolEntry> victim = oldestUnclaimed(true).or(() -> oldestUnclaimed(false));
        victim.ifPresent(entry -> {
            dropped.incrementAndGet();
            LOG.warn(
                    "spool full, dropped incident {} {} {} {}",
                    kv("fingerprint", entry.incident().fingerprint()),
                    kv("version", entry.incident().version()),
                    kv("status", entry.incident().resolved() ? "resolved" : "open"),
                    kv("spoolMaxEntries", maxEntries));
            remove(entry);
        });
    }

    private Optional<SpoolEntry> oldestUnclaimed(boolean resolvedOnly) {
        return entries.values().stream()
                .filter(entry -> !claimed.contains(entry.sequence()))
                .filter(entry -> !resolvedOnly || entry.incident().resolved())
                .findFirst();
    }

    private void updateDepth() {
        depth = entries.size();
        waiting = entries.size() - claimed.size();
    }

    private <T> Future<T> blocking(Callable<T> task) {
        Future<T> result = io.executeBlocking(task, true);
        lastIo = result;
        return result;
    }
}
