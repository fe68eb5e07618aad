package io.clusteragent.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.clusteragent.testing.Eventually;
import io.clusteragent.testing.LogCapture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundWriterTest {

    private final List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    private final List<String> writerThreads = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger taken = new AtomicInteger();
    /** One permit per item the sink may write: without one, it waits, as a console nobody reads. */
    private final Semaphore gate = new Semaphore(0);

    private final Consumer<Integer> gatedSink = item -> {
        writerThreads.add(Thread.currentThread().getName());
        taken.incrementAndGet();
        try {
            if (gate.tryAcquire(10, TimeUnit.SECONDS)) {
                written.add(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    @Test
    void aFullQueueDropsAndCountsWithoutWaitingAndWarnsNamingHowMany() {
        try (LogCapture log = LogCapture.of(BackgroundWriter.class)) {
            BackgroundWriter<Integer> writer = new BackgroundWriter<>("test-writer", 2, gatedSink, Duration.ofHours(1));
            blockWriterOn(writer, 0);

            long start = System.nanoTime();
            for (int i = 1; i <= 10; i++) {
                writer.submit(i);
            }
            Duration submitting = Duration.ofNanos(System.nanoTime() - start);
            gate.release(1000);

            assertThat(writer.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(submitting).isLessThan(Duration.ofSeconds(1));
            assertThat(written).containsExactly(0, 1, 2);
            assertThat(writer.dropped()).isEqualTo(8);
            Eventually.assertWithin(
                    Duration.ofSeconds(5),
                    () -> assertThat(log.lines())
                            .containsExactly("WARN test-writer: 8 lines dropped because its queue of 2 was full"
                                    + " or writing them failed (8 since start)"));

            writer.submit(11);
            writer.submit(12);
            assertThat(writer.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(written).containsExactly(0, 1, 2, 11, 12);
            assertThat(writer.dropped()).isEqualTo(8);
        }
    }

    @Test
    void dropsSoonAfterAWarningWaitForThePeriodAndAreNamedInTheNextOne() {
        try (LogCapture log = LogCapture.of(BackgroundWriter.class)) {
            Duration period = Duration.ofMillis(500);
            BackgroundWriter<Integer> writer = new BackgroundWriter<>("test-writer", 1, gatedSink, period);
            blockWriterOn(writer, 0);
            writer.submit(1);
            writer.submit(2);
            writer.submit(3);
            gate.release(2);
            Eventually.assertWithin(
                    Duration.ofSeconds(5), () -> assertThat(log.lines()).hasSize(1));

            blockWriterOn(writer, 4);
            writer.submit(5);
            writer.submit(6);
            writer.submit(7);
            writer.submit(8);
            gate.release(1000);

            Eventually.assertWithin(
                    Duration.ofSeconds(5), () -> assertThat(log.lines()).hasSize(2));
            List<ILoggingEvent> warnings = log.events();
            assertThat(log.lines())
                    .containsExactly(
                            "WARN test-writer: 2 lines dropped because its queue of 1 was full"
                                    + " or writing them failed (2 since start)",
                            "WARN test-writer: 3 lines dropped because its queue of 1 was full"
                                    + " or writing them failed (5 since start)");
            assertThat(warnings.get(1).getTimeStamp() - warnings.get(0).getTimeStamp())
                    .isGreaterThanOrEqualTo(period.toMillis());
        }
    }

    @Test
    void flushWaitsUntilEverythingQueuedBeforeItIsWritten() {
        BackgroundWriter<Integer> writer = new BackgroundWriter<>("test-writer", 100, gatedSink);
        for (int i = 0; i < 50; i++) {
            writer.submit(i);
        }

        assertThat(writer.flush(Duration.ofMillis(200)))
                .as("flushed while the sink waits")
                .isFalse();
        gate.release(1000);
        assertThat(writer.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(written).hasSize(50).isSorted();
        assertThat(writer.dropped()).isZero();
    }

    @Test
    void anItemThatCannotBeWrittenIsCountedAndTheNextOnesAreWritten() {
        BackgroundWriter<Integer> writer = new BackgroundWriter<>("test-writer", 10, item -> {
            if (item == 1) {
                throw new IllegalStateException("the appender failed");
            }
            written.add(item);
        });
        writer.submit(0);
        writer.submit(1);
        writer.submit(2);

        assertThat(writer.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(written).containsExactly(0, 2);
        assertThat(writer.dropped()).isEqualTo(1);
    }

    @Test
    void itemsAreWrittenOnTheWritersOwnDaemonThread() {
        gate.release(1000);
        BackgroundWriter<Integer> writer = new BackgroundWriter<>("test-writer-thread", 10, gatedSink);
        writer.submit(0);

        assertThat(writer.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(writerThreads).containsExactly("test-writer-thread");
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.getName().equals("test-writer-thread"))
                .isNotEmpty()
                .allMatch(Thread::isDaemon);
    }

    /** Submits {@code item} and waits until the writer has taken it and waits for the gate: the queue is empty. */
    private void blockWriterOn(BackgroundWriter<Integer> writer, int item) {
        int before = taken.get();
        writer.submit(item);
        Eventually.assertWithin(
                Duration.ofSeconds(5), () -> assertThat(taken.get()).isEqualTo(before + 1));
    }
}
