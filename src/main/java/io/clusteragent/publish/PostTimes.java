package io.clusteragent.publish;

/**
 * How many POSTs a sink made and how long they took in all, for a latency meter.
 *
 * @param count      POSTs answered or failed
 * @param totalNanos their summed round-trip time
 */
public record PostTimes(long count, long totalNanos) {

    public static final PostTimes NONE = new PostTimes(0, 0);
}
