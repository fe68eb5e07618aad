package io.clusteragent.detect;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.clusteragent.detect.Shapes.NOW;
import static io.clusteragent.detect.Shapes.pod;
import static io.clusteragent.detect.Shapes.restartedAfter;
import static io.clusteragent.detect.Shapes.running;
import static org.assertj.core.api.Assertions.assertThat;

class OomKilledDetectorTest {

    private static final String POD = "web-7d9c8b6f5-a";

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

    private List<Finding> cycle(Instant now, int restarts, String finishedAt) {
        return detector.detect(
                Shapes.input(now, pod(POD, restartedAfter("app", restarts, "OOMKilled", 137, finishedAt))));
    }
}
