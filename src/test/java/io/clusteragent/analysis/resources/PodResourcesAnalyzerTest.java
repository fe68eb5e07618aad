package io.clusteragent.analysis.resources;

import io.clusteragent.analysis.resources.PodResources.ContainerResources;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PodResourcesAnalyzerTest {

    @Test
    void totalsCountSidecarsInitContainersAndOverheadTheSchedulersWay() {
        Pod pod = pod(
                List.of(
                        container("proxy", "Always", Map.of("cpu", "200m", "memory", "64Mi"), Map.of()),
                        container("migrate", null, Map.of("cpu", "2", "memory", "256Mi"), Map.of())),
                container(
                        "app", null, Map.of("cpu", "500m", "memory", "128Mi"), Map.of("cpu", "1", "memory", "256Mi")));
        pod.getSpec().setOverhead(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("32Mi")));

        PodResources.Total total = PodResourcesAnalyzer.analyze(pod).total();

        // init phase: migrate 2 + proxy 200m = 2200m beats app 500m + proxy 200m; plus 100m overhead
        assertThat(total.cpuRequest()).isEqualTo("2300m");
        assertThat(total.memoryRequest()).isEqualTo("352Mi");
        assertThat(total.cpuLimit()).isEqualTo("1100m");
        assertThat(total.memoryLimit()).isEqualTo("288Mi");
    }

    @Test
    void containersListAppContainersFirstThenInitContainersWithTheirType() {
        Pod pod = pod(
                List.of(container("setup", null, Map.of(), Map.of()), container("proxy", "Always", Map.of(), Map.of())),
                container("app", null, Map.of(), Map.of()),
                container("metrics", null, Map.of(), Map.of()));

        assertThat(PodResourcesAnalyzer.analyze(pod).containers())
                .extracting(ContainerResources::name, ContainerResources::type)
                .containsExactly(
                        tuple("app", "container"),
                        tuple("metrics", "container"),
                        tuple("setup", "init"),
                        tuple("proxy", "sidecar"));
    }

    @Test
    void quantitiesAreFormattedAsKubectlPrintsThem() {
        Pod pod = pod(
                List.of(),
                container(
                        "app",
                        null,
                        Map.of("cpu", "1000m", "memory", "1.5Gi", "ephemeral-storage", "1G"),
                        Map.of("cpu", "0.5", "memory", "2048Mi")));

        ContainerResources app = PodResourcesAnalyzer.analyze(pod).containers().get(0);

        assertThat(app.requests())
                .containsExactly(
                        Map.entry("cpu", "1"), Map.entry("ephemeral-storage", "1G"), Map.entry("memory", "1536Mi"));
        assertThat(app.limits()).containsExactly(Map.entry("cpu", "500m"), Map.entry("memory", "2Gi"));
    }

    @Test
    void everyResourceIncludingExtendedOnesIsTotalled() {
        Pod pod = pod(
                List.of(),
                container(
                        "train",
                        null,
                        Map.of("cpu", "4", "nvidia.com/gpu", "2", "ephemeral-storage", "10Gi"),
                        Map.of("nvidia.com/gpu", "2")),
                container("sidecar-log", null, Map.of("ephemeral-storage", "1Gi"), Map.of()));

        PodResources.Total total = PodResourcesAnalyzer.analyze(pod).total();

        assertThat(total.requests())
                .containsEntry("nvidia.com/gpu", "2")
                .containsEntry("ephemeral-storage", "11Gi")
                .containsEntry("cpu", "4");
        assertThat(total.limits()).containsExactly(Map.entry("nvidia.com/gpu", "2"));
    }

    @Test
    void podWithoutResourcesGivesZeroTotalsAndEmptyMaps() {
        PodResources resources = PodResourcesAnalyzer.analyze(
                pod(List.of(), new ContainerBuilder().withName("app").build()));

        assertThat(resources.total()).isEqualTo(new PodResources.Total("0", "0", "0", "0", Map.of(), Map.of()));
        assertThat(resources.containers().get(0).requests()).isNotNull().isEmpty();
        assertThat(resources.containers().get(0).limits()).isNotNull().isEmpty();
        assertThat(resources.overhead()).isNotNull().isEmpty();
        assertThat(resources.qosClass()).isEqualTo("BestEffort");
    }

    @Test
    void qosClassIsComputedLikeKubernetesWhenTheStatusLacksIt() {
        Pod limitsOnly = pod(List.of(), container("app", null, Map.of(), Map.of("cpu", "1", "memory", "1Gi")));
        Pod requestsBelowLimits =
                pod(List.of(), container("app", null, Map.of("cpu", "500m"), Map.of("cpu", "1", "memory", "1Gi")));
        Pod initWithoutLimits = pod(
                List.of(container("init", null, Map.of("cpu", "1"), Map.of())),
                container("app", null, Map.of("cpu", "1", "memory", "1Gi"), Map.of("cpu", "1", "memory", "1Gi")));

        assertThat(PodResourcesAnalyzer.analyze(limitsOnly).qosClass()).isEqualTo("Guaranteed");
        assertThat(PodResourcesAnalyzer.analyze(requestsBelowLimits).qosClass()).isEqualTo("Burstable");
        assertThat(PodResourcesAnalyzer.analyze(initWithoutLimits).qosClass()).isEqualTo("Burstable");
    }

    @Test
    void recordedQosClassWins() {
        Pod pod = new PodBuilder(
                        pod(List.of(), new ContainerBuilder().withName("app").build()))
                .withNewStatus()
                .withQosClass("Burstable")
                .endStatus()
                .build();

        assertThat(PodResourcesAnalyzer.analyze(pod).qosClass()).isEqualTo("Burstable");
    }

    private static Pod pod(List<Container> initContainers, Container... containers) {
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

    private static Container container(
            String name, String restartPolicy, Map<String, String> requests, Map<String, String> limits) {
        ContainerBuilder builder = new ContainerBuilder().withName(name).withRestartPolicy(restartPolicy);
        var resources = builder.withNewResources();
        requests.forEach((resource, amount) -> resources.addToRequests(resource, new Quantity(amount)));
        limits.forEach((resource, amount) -> resources.addToLimits(resource, new Quantity(amount)));
        return resources.endResources().build();
    }
}
