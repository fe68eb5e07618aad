package io.clusteragent.detect;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.clusteragent.detect.Shapes.NOW;
import static io.clusteragent.detect.Shapes.pod;
import static io.clusteragent.detect.Shapes.restartedAfter;
import static io.clusteragent.detect.Shapes.running;
import static io.clusteragent.detect.Shapes.waiting;
import static org.assertj.core.api.Assertions.assertThat;

class CrashLoopDetectorTest {

    private static final String POD = "web-7d9c8b6f5-a";
    private static final String BACK_OFF =
            "back-off 5m0s restarting failed container=app pod=web-7d9c8b6f5-a_shop(uid-web-7d9c8b6f5-a)";

    private final CrashLoopDetector detector = new CrashLoopDetector(5);

    @Test
    void containerWaitingInCrashLoopBackOffIsACriticalCrashLoopWithItsLastExit() {
        Pod pod = pod(
                POD,
                new ContainerStatusBuilder(waiting("app", "CrashLoopBackOff", BACK_OFF, 3))
                        .withNewLastState()
                        .withNewTerminated()
                        .withExitCode(1)
                        .withReason("Error")
                        .withFinishedAt("2024-05-01T11:55:00Z")
                        .endTerminated()
                        .endLastState()
                        .build());

        List<Finding> findings = detector.detect(Shapes.input(NOW, pod));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(FindingType.CRASH_LOOP);
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.CRITICAL);
            assertThat(finding.owner()).isEqualTo("Deployment/web");
            assertThat(finding.message())
                    .isEqualTo("Container app of pod shop/web-7d9c8b6f5-a is in CrashLoopBackOff after 3 restarts: "
                            + "Container app exited with code 1 (application error)");
            assertThat(finding.details())
                    .containsEntry("reason", "CrashLoopBackOff")
                    .containsEntry("restarts", "3")
                    .containsEntry("last_exit_code", "1")
                    .containsEntry("restart_threshold", "5");
        });
    }

    @Test
    void crashLoopingInitContainerIsACrashLoop() {
        Pod pod = new PodBuilder(pod(POD))
                .editSpec()
                .addNewInitContainer()
                .withName("migrate")
                .withImage("shop/migrate:1")
                .endInitContainer()
                .endSpec()
                .editStatus()
                .withPhase("Pending")
                .withInitContainerStatuses(
                        waiting("migrate", "CrashLoopBackOff", "back-off 40s restarting failed container=migrate", 2))
                .withContainerStatuses(new ContainerStatusBuilder()
                        .withName("app")
                        .withRestartCount(0)
                        .withNewState()
                        .withNewWaiting()
                        .withReason("PodInitializing")
                        .endWaiting()
                        .endState()
                        .build())
                .endStatus()
                .build();

        assertThat(detector.detect(Shapes.input(NOW, pod))).singleElement().satisfies(finding -> {
            assertThat(finding.message())
                    .startsWith("Init container migrate of pod shop/web-7d9c8b6f5-a is in CrashLoopBackOff");
            assertThat(finding.details()).containsEntry("container", "migrate");
        });
    }

    @Test
    void restartsReachingTheThresholdAreACrashLoopEvenWhileRunningBetweenBackOffs() {
        List<Finding> findings = detector.detect(
                Shapes.input(NOW, pod(POD, restartedAfter("app", 5, "Error", 2, "2024-05-01T11:59:00Z"))));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.CRITICAL);
            assertThat(finding.message())
                    .startsWith("Container app of pod shop/web-7d9c8b6f5-a has restarted 5 times (threshold 5)");
            assertThat(finding.details()).doesNotContainKey("reason").containsEntry("restarts", "5");
        });
    }

    @Test
    void restartsBelowTheThresholdAreNotACrashLoop() {
        assertThat(detector.detect(
                        Shapes.input(NOW, pod(POD, restartedAfter("app", 4, "Error", 2, "2024-05-01T11:59:00Z")))))
                .isEmpty();
    }

    @Test
    void imagePullBackOffIsNotACrashLoop() {
        Pod pod = pod(
                POD,
                waiting("app", "ImagePullBackOff", "Back-off pulling image \"registry.example.com/shop/web:1.5\"", 0));

        assertThat(detector.detect(Shapes.input(NOW, pod))).isEmpty();
    }

    @Test
    void healthyPodIsSilent() {
        assertThat(detector.detect(Shapes.input(NOW, pod(POD, running("app", 1)))))
                .isEmpty();
    }

    @Test
    void podBeingDeletedIsNotExamined() {
        Pod deleting = new PodBuilder(pod(POD, waiting("app", "CrashLoopBackOff", BACK_OFF, 9)))
                .editMetadata()
                .withDeletionTimestamp("2024-05-01T11:59:30Z")
                .endMetadata()
                .build();

        assertThat(detector.detect(Shapes.input(NOW, deleting))).isEmpty();
    }
}
