package io.clusteragent.analysis.pods;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerStatesTest {

    @Test
    void totalRestartsIncludeInitContainers() {
        Pod pod = pod(List.of(restarted("migrate", 2)), List.of(restarted("app", 7), restarted("proxy", 1)));

        assertThat(ContainerStates.totalRestarts(pod)).isEqualTo(10);
        assertThat(ContainerStates.totalRestarts(ContainerStates.of(pod))).isEqualTo(10);
    }

    @Test
    void snapshotsListInitContainersFirstAndMarkSidecars() {
        Pod pod = pod(List.of(restarted("proxy", 0)), List.of(restarted("app", 0)));
        pod.getSpec().getInitContainers().get(0).setRestartPolicy("Always");

        List<ContainerSnapshot> snapshots = ContainerStates.of(pod);

        assertThat(snapshots).extracting(ContainerSnapshot::name).containsExactly("proxy", "app");
        assertThat(snapshots.get(0).init()).isTrue();
        assertThat(snapshots.get(0).sidecar()).isTrue();
    }

    @Test
    void oomKilledLastRunIsDescribedWithTheMemoryLimit() {
        ContainerStatus app = new ContainerStatusBuilder()
                .withName("app")
                .withRestartCount(4)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .withNewLastState()
                .withNewTerminated()
                .withExitCode(137)
                .withReason("OOMKilled")
                .endTerminated()
                .endLastState()
                .build();
        Pod pod = pod(List.of(), List.of(app));
        pod.getSpec()
                .getContainers()
                .get(0)
                .setResources(new ResourceRequirementsBuilder()
                        .addToLimits("memory", new Quantity("268435456"))
                        .build());

        ContainerSnapshot snapshot = ContainerStates.of(pod).get(0);

        assertThat(snapshot.wasOomKilled()).isTrue();
        assertThat(snapshot.terminationSummary()).isEqualTo("Container app was OOMKilled (memory limit 256Mi)");
        assertThat(snapshot.restartSummary()).isEqualTo("Container app has restarted 4 times");
    }

    @Test
    void exitCodesAreExplained() {
        assertThat(new Termination(1, 0, "Error", "", null).describe("app", null))
                .isEqualTo("Container app exited with code 1 (application error)");
        assertThat(new Termination(137, 0, "Error", "", null).describe("app", null))
                .isEqualTo(
                        "Container app exited with code 137 (SIGKILL: killed by the OOM killer or after the termination grace period)");
        assertThat(new Termination(143, 0, "Error", "", null).describe("app", null))
                .contains("SIGTERM");
        assertThat(new Termination(127, 0, "ContainerCannotRun", "", null).describe("app", null))
                .isEqualTo(
                        "Container app exited with code 127 (command not found in the image), reason ContainerCannotRun");
        assertThat(ExitCodeMeaning.of(129)).isEqualTo("killed by signal 1");
        assertThat(ExitCodeMeaning.of(42)).isEqualTo("application-defined error");
    }

    @Test
    void successfulTerminationIsNotACause() {
        ContainerStatus done = new ContainerStatusBuilder()
                .withName("setup")
                .withRestartCount(0)
                .withNewState()
                .withNewTerminated()
                .withExitCode(0)
                .withReason("Completed")
                .endTerminated()
                .endState()
                .build();

        assertThat(ContainerStates.of(pod(List.of(), List.of(done))).get(0).terminationSummary())
                .isNull();
    }

    @Test
    void shortTextCutsByCodePointsAndNeverSplitsACharacter() {
        String text = "é".repeat(5) + "😀".repeat(5);

        String cut = ShortText.of(text, 7);

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(7);
        assertThat(cut).isEqualTo("ééééé😀…");
        assertThat(ShortText.of("short", 7)).isEqualTo("short");
        assertThat(ShortText.of(null, 7)).isEmpty();
    }

    static ContainerStatus restarted(String name, int restarts) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withRestartCount(restarts)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .build();
    }

    static Pod pod(List<ContainerStatus> init, List<ContainerStatus> app) {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withNamespace("default")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .withNewStatus()
                .withInitContainerStatuses(init)
                .withContainerStatuses(app)
                .endStatus()
                .build();
        init.forEach(s -> pod.getSpec()
                .getInitContainers()
                .add(new ContainerBuilder().withName(s.getName()).build()));
        app.forEach(s -> pod.getSpec()
                .getContainers()
                .add(new ContainerBuilder().withName(s.getName()).build()));
        return pod;
    }
}
