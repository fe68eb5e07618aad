package io.clusteragent.publish;

/**
 * A snapshot of a sink's counters, for metrics.
 *
 * @param delivered  attempts the receiver accepted (2xx)
 * @param retried    attempts that failed in a way worth retrying (connection error, timeout, 429, 5xx)
 * @param rejected   attempts refused for good (other 4xx); the incident was dropped
 * @param dropped    incidents evicted unsent because the spool was full
 * @param queueDepth incidents waiting for a delivery slot
 * @param spoolDepth incidents on disk: waiting plus being delivered
 */
public record PublishStats(long delivered, long retried, long rejected, long dropped, int queueDepth, int spoolDepth) {}
