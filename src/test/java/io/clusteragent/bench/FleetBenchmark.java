package io.clusteragent.bench;

import io.clusteragent.config.FleetSettings;
import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.eventrecord.InvolvedObject;
import io.clusteragent.eventrecord.RecordType;
import io.clusteragent.fleet.Anomaly;
import io.clusteragent.fleet.EmbeddedKafka;
import io.clusteragent.fleet.FleetAnalyzer;
import io.clusteragent.fleet.FleetTopics;
import io.clusteragent.fleet.RuleFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * End-to-end detection latency of the fleet analyzer with the built-in rules on an in-process Kafka: from producing
 * the record that makes a pod's BackOff occurrences more than 10 to reading its anomaly with read_committed, while
 * {@code bench.occurrences} occurrences per second (default 20,000, 4 per record) flow through the analyzer.
 * Run with {@code mvn -B -q test -Dtest=FleetBenchmark}; broker, analyzer, producer and consumer share the machine,
 * so besides the latency it reports what survives a busy machine: CPU per record (the analyzer's stream threads, and
 * the whole JVM with broker and load generator), how long the analyzer needed after the load stopped to process
 * what was sent (zero when it kept up), and the load average.
 */
class FleetBenchmark {

    private static final int OCCURRENCES_PER_SECOND = Integer.getInteger("bench.occurrences", 20_000);
    private static final int OCCURRENCES_PER_RECORD = 4;
    /**
     * Long enough to leave out the analyzer's start: for about 20 s after it starts, while the broker creates its
     * internal topics and the group settles, anomalies can wait a few seconds, which a 15 s warm-up let into the
     * measured p99 (2-4 s in two runs of three, against about 0.2 s from then on).
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 25));

    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    /** How long anomalies are still read after the load stops: an analyzer that fell behind catches up. */
    private static final Duration DRAIN = Duration.ofSeconds(Integer.getInteger("bench.drain", 30));
    /** Crash-looping pods started per second; each crosses the threshold with its third record. */
    private static final int CRASHES_PER_SECOND = 20;

    /** The analyzer's stream threads ({@code FLEET_STREAM_THREADS}). */
    private static final int STREAM_THREADS = Integer.getInteger("bench.threads", 1);

    private static final int CLUSTERS = 200;
    private static final FleetTopics TOPICS = FleetTopics.defaults();

    @TempDir
    Path stateDir;

    /** Every anomaly read, measured or not (warm-up, other rules). */
    private static long received;

    /** The ids of the anomalies read: exactly once means none is read twice. */
    private static final Set<String> ids = new HashSet<>();

    @Test
    void measure() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(
                    Map.of(TOPICS.events(), 4, TOPICS.anomalies(), 1, TOPICS.platform(), 1, TOPICS.customer(), 1));
            FleetSettings settings = FleetSettings.fromMap(
                    Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                            "FLEET_APPLICATION_ID", "fleet-bench",
                            "FLEET_STREAM_THREADS", Integer.toString(STREAM_THREADS),
                            "FLEET_STATE_DIR", stateDir.toString()),
                    List.of());
            List<Long> latencies = new ArrayList<>();
            AtomicBoolean producing = new AtomicBoolean(true);
            AtomicLong sent = new AtomicLong();
            try (FleetAnalyzer analyzer =
                            FleetAnalyzer.create(settings, RuleFile.defaults()).start();
                    KafkaProducer<String, byte[]> producer = kafka.producer();
                    KafkaConsumer<String, Anomaly> consumer = kafka.anomalyConsumer(List.of(TOPICS.anomalies()));
                    Admin admin = Admin.create(
                            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                Instant measureFrom = Instant.now().plus(WARM_UP);
                Thread load = new Thread(
                        () -> produce(producer, measureFrom, measureFrom.plus(MEASURED), producing, sent),
                        "bench-load");
                load.start();
                while (Instant.now().isBefore(measureFrom) && producing.get()) {
                    collect(consumer, measureFrom, latencies);
                }
                String loadAtStart = loadAverage();
                Cpu start = Cpu.now();
                long committedAtStart = committed(admin);
                while (producing.get()) {
                    collect(consumer, measureFrom, latencies);
                }
                Cpu end = Cpu.now();
                long processed = committed(admin) - committedAtStart;
                long stoppedAt = System.nanoTime();
                long caughtUpAfter = -1;
                long drainUntil = stoppedAt + DRAIN.toNanos();
                long nextLagCheck = 0;
                while (System.nanoTime() < drainUntil) {
                    collect(consumer, measureFrom, latencies);
                    if (caughtUpAfter < 0 && System.nanoTime() >= nextLagCheck) {
                        nextLagCheck = System.nanoTime() + 250_000_000L;
                        if (lag(admin) == 0) {
                            caughtUpAfter = System.nanoTime() - stoppedAt;
                            drainUntil = Math.min(drainUntil, System.nanoTime() + 3_000_000_000L);
                        }
                    }
                }
                load.join();
                report(latencies);
                long measuredRecords = sent.get();
                System.out.printf(
                        "fleet benchmark: CPU while measured: stream threads %.1f us per record processed (%,d),"
                                + " whole JVM %.1f us per record sent (%,d)%n",
                        (end.streamThreads - start.streamThreads) / 1_000.0 / Math.max(1, processed),
                        processed,
                        (end.process - start.process) / 1_000.0 / measuredRecords,
                        measuredRecords);
                System.out.printf(
                        "fleet benchmark: analyzer %s; load average %s at start, %s at end%n",
                        caughtUpAfter < 0
                                ? "still behind " + DRAIN.toSeconds() + " s after the load stopped"
                                : String.format(
                                        "caught up %.1f s after the load stopped, %,d records/s sustained",
                                        caughtUpAfter / 1e9,
                                        measuredRecords * 1_000_000_000L / (MEASURED.toNanos() + caughtUpAfter)),
                        loadAtStart,
                        loadAverage());
            }
        }
    }

    /** Records of the events topic the analyzer has committed, over all partitions. */
    private static long committed(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets("fleet-bench").partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(TOPICS.events()))
                .mapToLong(entry -> entry.getValue().offset())
                .sum();
    }

    /** Records of the events topic the analyzer has not committed yet. */
    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("fleet-bench")
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .filter(partition -> partition.topic().equals(TOPICS.events()))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        if (latest.isEmpty()) {
            return Long.MAX_VALUE;
        }
        var ends = admin.listOffsets(latest).all().get();
        return latest.keySet().stream()
                .mapToLong(partition ->
                        ends.get(partition).offset() - committed.get(partition).offset())
                .sum();
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /** CPU time in nanoseconds: of the analyzer's stream threads, and of the whole JVM. */
    private record Cpu(long streamThreads, long process) {
        static Cpu now() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long streams = 0;
            for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null && thread.getThreadName().contains("StreamThread")) {
                    streams += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
                }
            }
            return new Cpu(
                    streams,
                    ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime());
        }
    }

    private static void collect(KafkaConsumer<String, Anomaly> consumer, Instant measureFrom, List<Long> latencies) {
        for (ConsumerRecord<String, Anomaly> record : consumer.poll(Duration.ofMillis(50))) {
            received++;
            Anomaly anomaly = record.value();
            ids.add(anomaly.id());
            if (anomaly.rule().equals("pod-failures")
                    && anomaly.key().name().startsWith("crash-")
                    && !anomaly.timestamp().isBefore(measureFrom)) {
                latencies.add(System.currentTimeMillis() - anomaly.timestamp().toEpochMilli());
            }
        }
    }

    /**
     * Every 10 ms, a slice of the second's records: background Unhealthy records (counted by the cluster-burst rule,
     * in one namespace per cluster, so never reaching its threshold) and the three BackOff records of each new
     * crash-looping pod. Event time is the send time,
     * so an anomaly's timestamp is when its crossing record was produced.
     */
    private static void produce(
            KafkaProducer<String, byte[]> producer,
            Instant measureFrom,
            Instant until,
            AtomicBoolean producing,
            AtomicLong measured) {
        int recordsPerTick = OCCURRENCES_PER_SECOND / OCCURRENCES_PER_RECORD / 100;
        long tick = 0;
        long background = 0;
        long start = System.nanoTime();
        try {
            while (Instant.now().isBefore(until)) {
                boolean inMeasure = !Instant.now().isBefore(measureFrom);
                for (int i = 0; i < recordsPerTick; i++) {
                    String pod = "bg-" + (background++ % 10_000);
                    send(producer, record("c" + (background % CLUSTERS), pod, "Unhealthy", Instant.now()));
                }
                if (tick % (100 / CRASHES_PER_SECOND) == 0) {
                    String cluster = "c" + (tick % CLUSTERS);
                    String pod = "crash-" + tick;
                    for (int i = 0; i < 3; i++) {
                        send(producer, record(cluster, pod, "BackOff", Instant.now()));
                    }
                    if (inMeasure) {
                        measured.addAndGet(3);
                    }
                }
                if (inMeasure) {
                    measured.addAndGet(recordsPerTick);
                }
                tick++;
                long next = start + tick * 10_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            producer.flush();
            long seconds = Math.max(1, (System.nanoTime() - start) / 1_000_000_000L);
            System.out.printf(
                    "fleet benchmark: sent %,d records (%,d occurrences/s) in %d s%n",
                    background + crashRecords(tick),
                    (background + crashRecords(tick)) * OCCURRENCES_PER_RECORD / seconds,
                    seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            producing.set(false);
        }
    }

    private static long crashRecords(long ticks) {
        return (ticks + (100 / CRASHES_PER_SECOND) - 1) / (100 / CRASHES_PER_SECOND) * 3;
    }

    private static void send(KafkaProducer<String, byte[]> producer, EventRecord record) {
        producer.send(new ProducerRecord<>(TOPICS.events(), record.clusterId(), EventRecordJson.write(record)));
    }

    private static EventRecord record(String cluster, String pod, String reason, Instant now) {
        return new EventRecord(
                EventRecord.SCHEMA_VERSION,
                RecordType.event,
                cluster,
                "bench",
                now,
                Category.Customer,
                "Warning",
                reason,
                reason + " of pod " + pod,
                new InvolvedObject("Pod", "shop", pod, "uid-" + pod),
                "event-" + pod,
                OCCURRENCES_PER_RECORD,
                OCCURRENCES_PER_RECORD,
                now,
                now,
                null);
    }

    private static void report(List<Long> latencies) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("fleet benchmark: %d anomalies read in all, %d distinct%n", received, ids.size());
        if (sorted.length == 0) {
            System.out.println("fleet benchmark: no anomaly measured");
            return;
        }
        System.out.printf(
                "fleet benchmark: %d anomalies measured, detection latency p50 %d ms, p99 %d ms, max %d ms (%d cores)%n",
                sorted.length,
                sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)],
                sorted[sorted.length - 1],
                Runtime.getRuntime().availableProcessors());
    }
}
