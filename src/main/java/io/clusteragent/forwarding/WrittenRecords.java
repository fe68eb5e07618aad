package io.clusteragent.forwarding;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a batch's records the topic already holds: asked before sending records whose earlier attempt may
 * have been written without the agent learning it (a crash after the broker wrote a batch, a producer replaced
 * after a failure). The idempotent producer deduplicates its own retries only within one producer session, so
 * across sessions the agent reads back what its cluster wrote since the batch's oldest record and sends only
 * the rest. Blocking: runs on the transport's thread.
 */
final class WrittenRecords {

    /** Producer and broker clocks may disagree; a record written this much before its own timestamp is still found. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final boolean builtInPartitioner;
    private final Duration timeout;

    /**
     * @param clientConfig the connection's properties (brokers, security), without the producer's own
     * @param builtInPartitioner whether records go to the partition Kafka's default partitioner picks for their key;
     *     else every partition is read
     */
    WrittenRecords(Map<String, Object> clientConfig, String topic, boolean builtInPartitioner, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put("enable.auto.commit", "false");
        config.put("auto.offset.reset", "none");
        config.putIfAbsent("client.id", "cluster-agent-read-back");
        config.remove("group.id");
        this.consumerConfig = Map.copyOf(config);
        this.topic = topic;
        this.builtInPartitioner = builtInPartitioner;
        this.timeout = timeout;
    }

    /**
     * @return for each of {@code values}, in order, whether a record of {@code key} with exactly these bytes was
     *     written at or after {@code since} (less {@link #CLOCK_SKEW})
     * @throws org.apache.kafka.common.KafkaException when the topic cannot be read back within the timeout
     */
    boolean[] among(String key, List<byte[]> values, Instant since) {
        Map<ByteBuffer, Integer> wanted = new HashMap<>();
        for (int i = values.size() - 1; i >= 0; i--) {
            wanted.put(ByteBuffer.wrap(values.get(i)), i);
        }
        boolean[] written = new boolean[values.size()];
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            Set<TopicPartition> partitions = partitionsOf(consumer, key);
            long from = since.minus(CLOCK_SKEW).toEpochMilli();
            Map<TopicPartition, OffsetAndTimestamp> starts =
                    consumer.offsetsForTimes(partitions.stream().collect(Collectors.toMap(p -> p, p -> from)), timeout);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            starts.forEach((partition, start) -> {
                if (start != null && start.offset() < ends.get(partition)) {
                    remaining.put(partition, ends.get(partition));
                }
            });
            consumer.assign(remaining.keySet());
            remaining
                    .keySet()
                    .forEach(partition ->
                            consumer.seek(partition, starts.get(partition).offset()));
            while (!remaining.isEmpty() && !wanted.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading back " + topic + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (key.equals(record.key())) {
                        Integer index = wanted.remove(ByteBuffer.wrap(record.value()));
                        if (index != null) {
                            written[index] = true;
                        }
                    }
                }
                remaining.entrySet().removeIf(end -> consumer.position(end.getKey(), timeout) >= end.getValue());
            }
        }
        return written;
    }

    private Set<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> consumer, String key) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos.isEmpty()) {
            throw new TimeoutException("topic " + topic + " has no partitions yet");
        }
        if (!builtInPartitioner) {
            return infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toSet());
        }
        int partition = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), infos.size());
        return Set.of(new TopicPartition(topic, partition));
    }
}
