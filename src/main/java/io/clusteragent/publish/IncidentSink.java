package io.clusteragent.publish;

import io.vertx.core.Future;

import java.util.function.Consumer;

/** Where incidents go: the Agent Service, or the log when none is configured. */
public interface IncidentSink {

    /**
     * Accepts an incident for delivery. Completes once it is durably queued, never waiting for the
     * receiver, so a slow or dead receiver cannot hold up the caller. Fails if the incident could not
     * be queued (the spool directory is not writable, or the sink is closed).
     */
    Future<Void> publish(OutgoingIncident incident);

    /**
     * Calls {@code listener} with the idempotency key of each incident once its delivery is settled:
     * the receiver took it, or refused it for good. Until then it may still be lost with the queue (a
     * spool on a volume that goes with the pod), so whoever must not lose it keeps it until this says.
     *
     * @return runs to stop the calls
     */
    Runnable onSettled(Consumer<String> listener);

    /** Stops delivering; what is queued stays queued for the next start. */
    Future<Void> close();

    PublishStats stats();

    /** Round trips to the receiver so far; a sink that sends nothing over the network has none. */
    default PostTimes postTimes() {
        return PostTimes.NONE;
    }
}
