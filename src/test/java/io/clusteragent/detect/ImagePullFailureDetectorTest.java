package io.clusteragent.detect;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.clusteragent.detect.Shapes.NOW;
import static io.clusteragent.detect.Shapes.pod;
import static io.clusteragent.detect.Shapes.running;
import static io.clusteragent.detect.Shapes.waiting;
import static org.assertj.core.api.Assertions.assertThat;

class ImagePullFailureDetectorTest {

    private static final String POD = "web-7d9c8b6f5-a";

    private final ImagePullFailureDetector detector = new ImagePullFailureDetector();

    @Test
    void imagePullBackOffIsAHighImagePullFailureNamingTheImage() {
        Pod pod = pod(
                POD,
                waiting("app", "ImagePullBackOff", "Back-off pulling image \"registry.example.com/shop/web:1.4\"", 0));

        assertThat(detector.detect(Shapes.input(NOW, pod))).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(FindingType.IMAGE_PULL_FAILURE);
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
            assertThat(finding.message())
                    .isEqualTo(
                            "Container app of pod shop/web-7d9c8b6f5-a cannot pull image "
                                    + "registry.example.com/shop/web:1.4 (ImagePullBackOff): Back-off pulling image \"registry.example.com/shop/web:1.4\"");
            assertThat(finding.details())
                    .containsEntry("reason", "ImagePullBackOff")
                    .containsEntry("image", "registry.example.com/shop/web:1.4")
                    .containsEntry("container", "app");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ErrImagePull", "InvalidImageName"})
    void otherPullFailureReasonsAreImagePullFailures(String reason) {
        Pod pod = pod(POD, waiting("app", reason, "failed to pull and unpack image", 0));

        assertThat(detector.detect(Shapes.input(NOW, pod)))
                .extracting(f -> f.details().get("reason"))
                .containsExactly(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CrashLoopBackOff", "ContainerCreating", "CreateContainerConfigError"})
    void otherWaitingReasonsAreNotImagePullFailures(String reason) {
        assertThat(detector.detect(Shapes.input(NOW, pod(POD, waiting("app", reason, "", 0)))))
                .isEmpty();
    }

    @Test
    void healthyPodIsSilent() {
        assertThat(detector.detect(Shapes.input(NOW, pod(POD, running("app", 0)))))
                .isEmpty();
    }
}
