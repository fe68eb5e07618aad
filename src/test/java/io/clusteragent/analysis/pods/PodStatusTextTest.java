package io.clusteragent.analysis.pods;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PodStatusTextTest {

    static Stream<Arguments> podShapes() {
        return Fixtures.load("/events/pod-status-table.yaml", Pod.class).stream()
                .map(pod ->
                        Arguments.of(pod.getMetadata().getName(), pod, Fixtures.annotation(pod, "expected-status")));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("podShapes")
    void printsWhatKubectlPrints(String name, Pod pod, String expected) {
        assertThat(PodStatusText.of(pod)).isEqualTo(expected);
    }

    @Test
    void podWithoutStatusPrintsEmptyPhaseLikeKubectl() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("bare")
                .endMetadata()
                .build();

        assertThat(PodStatusText.of(pod)).isEmpty();
    }

    @Test
    void fixtureTableCoversEveryStatusFamily() {
        assertThat(podShapes().map(a -> (String) a.get()[2]))
                .contains(
                        "Running",
                        "NotReady",
                        "Pending",
                        "Terminating",
                        "Unknown",
                        "Evicted",
                        "OOMKilled",
                        "Completed",
                        "CrashLoopBackOff",
                        "ImagePullBackOff",
                        "ErrImagePull",
                        "CreateContainerConfigError",
                        "ContainerCreating",
                        "ExitCode:2",
                        "Signal:9",
                        "Init:CrashLoopBackOff",
                        "Init:Error",
                        "Init:ExitCode:3",
                        "Init:Signal:15",
                        "Init:1/3",
                        "Init:1/2",
                        "SchedulingGated");
    }
}
