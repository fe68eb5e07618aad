package io.clusteragent.fleet;

import org.apache.kafka.streams.processor.StreamPartitioner;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Sends heartbeats to every partition of a rule's repartition topic and everything else where its key hashes to.
 * A window closes when its task's stream time passes its end plus grace, and stream time only moves with the records
 * a task sees: a partition that no counted record hashes to would otherwise keep its windows open, accepting records
 * hours late.
 */
final class HeartbeatBroadcast implements StreamPartitioner<RuleKey, Sighting> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, RuleKey key, Sighting value, int numPartitions) {
        if (key == null || !key.isHeartbeat()) {
            return Optional.empty();
        }
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
    }
}
