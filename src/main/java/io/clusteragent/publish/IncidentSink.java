package io.clusteragent.publish;

import io.vertx.core.Future;

/** Where incidents go: the Agent Service, or the log when none is configured. */
public interface IncidentSink {

    /**
     * Accepts an incident for delivery. Completes once it is durably queued, never waiting for the
     * receiver, so a slow or dead receiver cannot hold up the caller. Fails if the incident could not
     * be queued (the spool directory is not writable, or the sink is closed).
     */
    Future<Void> publish(OutgoingIncident incident);

    /** Stops delivering; what is queued stays queued for the next start. */
    Future<Void> close();

    PublishStats stats();

    /** Round trips to the receiver so far; a sink that sends nothing over the network has none. */
    default PostTimes postTimes() {
        return PostTimes.NONE;
    }
}
