package io.clusteragent.detect.run;

import io.clusteragent.detect.CycleResult;
import io.clusteragent.detect.IncidentRecord;
import io.clusteragent.detect.IncidentState;
import io.clusteragent.detect.IncidentStore;
import io.clusteragent.detect.IncidentTracker;
import io.clusteragent.detect.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Makes the tracker's decisions durable before they count, so that a crash at any point neither
 * loses a notification nor reuses its key for other content. Per cycle:
 * <ol>
 *   <li>the tracker decides what to notify; versions advance in memory only;</li>
 *   <li>the new state is saved with those notifications in its outbox. Should that fail, the tracker
 *       goes back to where it was, as if the cycle had not run, and the next cycle decides again;</li>
 *   <li>the caller hands the outbox to the sink, which spools each notification;</li>
 *   <li>what the sink took leaves the outbox, and the state is saved again.</li>
 * </ol>
 * Where the state outlives the spool (a ConfigMap shared by replicas, while each spool goes with its
 * pod), (4) waits until the delivery is settled instead: a notification leaves the outbox once the
 * receiver took or refused it, and the next leader offers again whatever the last one had only
 * spooled. Settlements are saved within a second and when the detectors stop, so only a leader that
 * dies within that second leaves one to be delivered again, identically.
 *
 * <p>A crash before (2) completes leaves the old state: the next run decides afresh, and no key was
 * handed out. A crash between (2) and (4) leaves the notifications in the stored outbox: the next run,
 * or the next leader, offers them again with the same keys and the same content (the spool ignores a
 * key it already holds), so the worst case is one identical redelivery, which the receiver's
 * idempotency handles. A notification the sink refused (a full disk) stays in the outbox and is
 * offered at every cycle until it is taken.
 *
 * <p>Blocking; used by one cycle at a time.
 */
final class IncidentLedger {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentLedger.class);

    private final IncidentTracker tracker;
    private final IncidentStore store;
    private final List<Notification> outbox = new ArrayList<>();
    /** Keys of the outbox that this process's sink already holds: not offered again. */
    private final Set<String> handed = new HashSet<>();

    private final boolean untilSettled;
    private long savedRevision = -1;
    /** The outbox lost settled notifications since the last save. */
    private boolean settledSinceSave;

    IncidentLedger(IncidentTracker tracker, IncidentStore store) {
        this.tracker = tracker;
        this.store = store;
        this.untilSettled = store.outlivesTheSpool();
    }

    /** Takes over what the previous run or leader left: the tracker's memory and the unconfirmed notifications. */
    void restore() throws Exception {
        IncidentState state = store.load();
        tracker.restore(state.incidents());
        outbox.clear();
        outbox.addAll(state.outbox());
        handed.clear();
        savedRevision = tracker.revision();
        settledSinceSave = false;
        long open =
                state.incidents().values().stream().filter(IncidentRecord::open).count();
        LOG.info(
                "incident state loaded from {} {} {} {}",
                store.describe(),
                kv("open", open),
                kv("remembered", state.incidents().size()),
                kv("unconfirmed", outbox.size()));
    }

    /**
     * Runs the tracker over one cycle and saves the outcome.
     *
     * @return what to hand to the sink: earlier notifications it does not hold yet first, then this cycle's
     * @throws UnsavedException when the state could not be saved; nothing of this cycle counts
     */
    List<Notification> record(CycleResult cycle, Instant now) throws UnsavedException {
        Map<String, IncidentRecord> before = tracker.records();
        List<Notification> fresh = tracker.update(cycle, now);
        if (tracker.revision() != savedRevision || settledSinceSave) {
            List<Notification> pending = new ArrayList<>(outbox);
            pending.addAll(fresh);
            try {
                save(pending);
            } catch (Exception failure) {
                recover(before, failure);
                throw new UnsavedException(fresh, store.describe(), failure);
            }
            outbox.addAll(fresh);
        }
        return outbox.stream().filter(n -> !handed.contains(n.idempotencyKey())).toList();
    }

    /** The sink holds these now: they leave the outbox, unless they must wait for their delivery to settle. */
    void confirm(Collection<Notification> queued) throws Exception {
        if (queued.isEmpty()) {
            return;
        }
        if (untilSettled) {
            // A console line settles before this is told it was queued.
            queued.stream().filter(outbox::contains).forEach(n -> handed.add(n.idempotencyKey()));
        } else {
            outbox.removeAll(queued);
            save(outbox);
        }
    }

    /** The receiver took or refused the notification with this key; saved with the next cycle's state. */
    void settled(String idempotencyKey) {
        handed.remove(idempotencyKey);
        if (untilSettled && outbox.removeIf(n -> n.idempotencyKey().equals(idempotencyKey))) {
            settledSinceSave = true;
        }
    }

    /** Saves the outbox without the settled notifications, if any settled since the last save. */
    void saveSettlements() throws Exception {
        if (settledSinceSave) {
            save(outbox);
        }
    }

    private void save(List<Notification> pending) throws Exception {
        store.save(new IncidentState(tracker.records(), pending));
        savedRevision = tracker.revision();
        settledSinceSave = false;
    }

    /** After a conflict another writer's state is the truth: take it over rather than the state before this cycle. */
    private void recover(Map<String, IncidentRecord> before, Exception failure) {
        if (failure instanceof IncidentStore.ConflictException) {
            try {
                restore();
                return;
            } catch (Exception reload) {
                failure.addSuppressed(reload);
            }
        }
        tracker.restore(before);
        savedRevision = -1;
    }

    /** The cycle's notifications did not count: the state that would have recorded them could not be saved. */
    static final class UnsavedException extends Exception {

        private final List<Notification> notifications;

        UnsavedException(List<Notification> notifications, String store, Throwable cause) {
            super("the incident state could not be saved to " + store + ": " + cause.getMessage(), cause);
            this.notifications = List.copyOf(notifications);
        }

        List<Notification> notifications() {
            return notifications;
        }
    }
}
