package io.clusteragent.detect;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.clusteragent.detect.Shapes.NOW;
import static io.clusteragent.detect.Shapes.cgroupReading;
import static io.clusteragent.detect.Shapes.pod;
import static io.clusteragent.detect.Shapes.restartedAfter;
import static io.clusteragent.detect.Shapes.running;
import static org.assertj.core.api.Assertions.assertThat;

class OomKilledDetectorTest {

    private static final String POD = "web-7d9c8b6f5-a";
    private static final Instant T1 = NOW;
    private static final Instant T2 = NOW.plusSeconds(20);
    private static final Instant T3 = NOW.plusSeconds(40);

    private final OomKilledDetector detector = new OomKilledDetector(Duration.ofMinutes(30));

    @Test
    void containerWhoseLastRunWasOomKilledIsHighWhenFirstSeen() {
        List<Finding> findings = cycle(NOW, 3, "2024-05-01T11:58:00Z");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(FindingType.OOM_KILLED);
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
            assertThat(finding.resource()).isEqualTo("pod/" + POD);
            assertThat(finding.message())
                    .isEqualTo(
                            "Container app of pod shop/web-7d9c8b6f5-a was OOMKilled at its memory limit of 256Mi (3 restarts)");
            assertThat(finding.details())
                    .containsEntry("reason", "OOMKilled")
                    .containsEntry("restarts", "3")
                    .containsEntry("exit_code", "137")
                    .containsEntry("memory_limit", "256Mi")
                    .containsEntry("killed_at", "2024-05-01T11:58:00Z")
                    .containsEntry("source", "pod status")
                    .doesNotContainKey("previous_kill_at");
        });
    }

    @Test
    void theSameKillStaysHighUntilTheCooldownHasPassed() {
        cycle(NOW, 3, "2024-05-01T11:58:00Z");

        assertThat(cycle(NOW.plusSeconds(60), 3, "2024-05-01T11:58:00Z"))
                .extracting(Finding::severity)
                .containsExactly(IncidentSeverity.HIGH);
        assertThat(cycle(Instant.parse("2024-05-01T12:28:00Z"), 3, "2024-05-01T11:58:00Z"))
                .isEmpty();
    }

    @Test
    void aSecondKillWithinTheCooldownIsCritical() {
        cycle(NOW, 3, "2024-05-01T11:58:00Z");

        List<Finding> findings = cycle(NOW.plusSeconds(600), 4, "2024-05-01T12:09:00Z");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.CRITICAL);
            assertThat(finding.message()).endsWith("(4 restarts); the previous OOM kill was 11m earlier");
            assertThat(finding.details()).containsEntry("previous_kill_at", "2024-05-01T11:58:00Z");
        });
    }

    @Test
    void aHigherRestartCountIsANewKillWhenTheRuntimeReportsNoTime() {
        cycle(NOW, 3, null);

        assertThat(cycle(NOW.plusSeconds(60), 3, null))
                .extracting(Finding::severity)
                .containsExactly(IncidentSeverity.HIGH);
        assertThat(cycle(NOW.plusSeconds(120), 4, null))
                .extracting(Finding::severity)
                .containsExactly(IncidentSeverity.CRITICAL);
    }

    @Test
    void aKillOlderThanTheCooldownWhenFirstSeenIsHistoryNotAnIncident() {
        assertThat(cycle(NOW, 3, "2024-05-01T09:00:00Z")).isEmpty();
    }

    @Test
    void aContainerThatExitedWithAnErrorIsNotOomKilled() {
        var pod = pod(POD, restartedAfter("app", 3, "Error", 1, "2024-05-01T11:58:00Z"));

        assertThat(detector.detect(Shapes.input(NOW, pod))).isEmpty();
    }

    @Test
    void healthyContainerIsSilent() {
        assertThat(detector.detect(Shapes.input(NOW, pod(POD, running("app", 0)))))
                .isEmpty();
    }

    @Test
    void aRiseOfTheCgroupsOomCounterIsAKillTheStatusDoesNotShow() {
        assertThat(counted(T1, running("app", 0), 0)).isEmpty();

        List<Finding> findings = counted(T2, running("app", 0), 1);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
            assertThat(finding.message())
                    .isEqualTo("Container app of pod shop/web-7d9c8b6f5-a had a process OOM-killed at its memory limit"
                            + " of 256Mi (0 restarts; counted by the node's cgroup, not shown in the pod status)");
            assertThat(finding.details())
                    .containsEntry("source", "cgroup")
                    .containsEntry("killed_at", T2.toString())
                    .doesNotContainKey("exit_code")
                    .doesNotContainKey("previous_kill_at");
        });
    }

    @Test
    void theFirstReadingOfACounterIsItsBaselineNotAKill() {
        assertThat(counted(T1, running("app", 0), 4)).isEmpty();
        assertThat(counted(T2, running("app", 0), 4)).isEmpty();
    }

    @Test
    void aKillTheCounterSawFirstAndTheStatusShowsLaterIsOneKill() {
        counted(T1, running("app", 0), 0);
        counted(T2, running("app", 0), 1);

        List<Finding> findings = counted(T3, restartedAfter("app", 1, "OOMKilled", 137, "2024-05-01T12:00:15Z"), 0, T2);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
            assertThat(finding.details())
                    .containsEntry("source", "pod status, cgroup")
                    .containsEntry("killed_at", "2024-05-01T12:00:15Z")
                    .containsEntry("exit_code", "137")
                    .doesNotContainKey("previous_kill_at");
        });
    }

    @Test
    void aKillTheStatusShowedFirstAndTheCounterCountsLaterIsOneKill() {
        counted(T1, running("app", 0), 0);
        var killed = restartedAfter("app", 1, "OOMKilled", 137, "2024-05-01T12:00:15Z");
        assertThat(counted(T2.minusSeconds(2), killed, 0, T1))
                .extracting(Finding::severity)
                .containsExactly(IncidentSeverity.HIGH);

        List<Finding> findings = counted(T2, killed, 1);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
            assertThat(finding.details())
                    .containsEntry("source", "pod status, cgroup")
                    .doesNotContainKey("previous_kill_at");
        });
    }

    @Test
    void aKillBothShowInOneCycleIsOneKill() {
        counted(T1, running("app", 0), 0);

        assertThat(counted(T2, restartedAfter("app", 1, "OOMKilled", 137, "2024-05-01T12:00:15Z"), 1))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
                    assertThat(finding.details()).containsEntry("source", "pod status, cgroup");
                });
    }

    @Test
    void aCounterKillAwayFromTheStatusKillIsASecondKill() {
        counted(T1, running("app", 0), 0);
        var killed = restartedAfter("app", 1, "OOMKilled", 137, "2024-05-01T12:00:05Z");
        counted(T2, killed, 0);

        List<Finding> findings = counted(T3, killed, 1);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.CRITICAL);
            assertThat(finding.details())
                    .containsEntry("source", "cgroup")
                    .containsEntry("previous_kill_at", "2024-05-01T12:00:05Z");
        });
    }

    @Test
    void aKillInAContainersNewCgroupCountsFromZero() {
        counted(T1, running("app", 0), 2);

        assertThat(detector.detect(Shapes.input(
                        T2, cgroupReading(T2, POD, "/kubepods/app-run-2", null, 1.0, 1L), pod(POD, running("app", 1)))))
                .extracting(f -> f.details().get("source"))
                .containsExactly("cgroup");
    }

    private List<Finding> counted(Instant now, ContainerStatus status, long oomKills) {
        return counted(now, status, oomKills, now);
    }

    /** A cycle at {@code now} that sees the pod with {@code status} and the cgroup reading made at {@code readAt}. */
    private List<Finding> counted(Instant now, ContainerStatus status, long oomKills, Instant readAt) {
        return detector.detect(
                Shapes.input(now, cgroupReading(readAt, POD, "/kubepods/app", null, 1.0, oomKills), pod(POD, status)));
    }

    private List<Finding> cycle(Instant now, int restarts, String finishedAt) {
        return detector.detect(
                Shapes.input(now, pod(POD, restartedAfter("app", restarts, "OOMKilled", 137, finishedAt))));
    }
}
