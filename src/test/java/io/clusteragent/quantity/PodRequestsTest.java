package io.clusteragent.quantity;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PodRequestsTest {

    @Test
    void appContainersAreSummed() {
        Pod pod = pod(List.of(), container("a", "100m", "64Mi", null), container("b", "250m", "128Mi", null));

        assertThat(PodRequests.requests(pod)).containsEntry("cpu", 350L).containsEntry("memory", 192L * 1024 * 1024);
    }

    @Test
    void largestRegularInitContainerWinsWhenItExceedsTheAppContainers() {
        Pod pod = pod(
                List.of(container("migrate", "2", "64Mi", null), container("warm", "500m", "1Gi", null)),
                container("app", "1", "256Mi", null));

        assertThat(PodRequests.requests(pod)).containsEntry("cpu", 2000L).containsEntry("memory", 1024L * 1024 * 1024);
    }

    @Test
    void sidecarsAddToAppContainersAndToEveryLaterInitContainer() {
        Pod pod = pod(
                List.of(container("proxy", "200m", "64Mi", "Always"), container("migrate", "1", "64Mi", null)),
                container("app", "500m", "128Mi", null));

        // app phase: 500m + 200m = 700m; migrate phase: 1 + 200m (sidecar already running) = 1200m
        assertThat(PodRequests.requests(pod)).containsEntry("cpu", 1200L).containsEntry("memory", 192L * 1024 * 1024);
    }

    @Test
    void sidecarStartedAfterAnInitContainerDoesNotCountForIt() {
        Pod pod = pod(
                List.of(container("migrate", "1", "64Mi", null), container("proxy", "200m", "64Mi", "Always")),
                container("app", "500m", "128Mi", null));

        assertThat(PodRequests.requests(pod)).containsEntry("cpu", 1000L);
    }

    @Test
    void overheadIsAddedToRequestsAndOnlyToLimitsThatAreSet() {
        Pod pod = pod(List.of(), container("app", "500m", "128Mi", null));
        pod.getSpec().getContainers().get(0).getResources().setLimits(Map.of("cpu", new Quantity("1")));
        pod.getSpec().setOverhead(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("120Mi")));

        assertThat(PodRequests.requests(pod)).containsEntry("cpu", 750L).containsEntry("memory", 248L * 1024 * 1024);
        assertThat(PodRequests.limits(pod)).containsEntry("cpu", 1250L).doesNotContainKey("memory");
    }

    static Pod pod(List<Container> initContainers, Container... containers) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withNamespace("default")
                .endMetadata()
                .withNewSpec()
                .withInitContainers(initContainers)
                .withContainers(containers)
                .endSpec()
                .build();
    }

    static Container container(String name, String cpu, String memory, String restartPolicy) {
        return new ContainerBuilder()
                .withName(name)
                .withRestartPolicy(restartPolicy)
                .withNewResources()
                .addToRequests("cpu", new Quantity(cpu))
                .addToRequests("memory", new Quantity(memory))
                .endResources()
                .build();
    }
}
