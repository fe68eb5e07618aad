package io.clusteragent.analysis.utilization;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodeUtilizationAnalyzerTest {

    static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    @Test
    void percentagesAreOfAllocatableNotCapacity() {
        // capacity 4 CPU / 16Gi, allocatable 3920m / 15Gi; usage 1960m / 7.5Gi = exactly half of allocatable
        NodeUtilization utilization =
                analyze(node("4", "16Gi", "3920m", "15Gi", "110"), metrics("1960m", "7680Mi"), List.of());

        assertThat(utilization.cpuPercentage()).isEqualTo(50.0);
        assertThat(utilization.memoryPercentage()).isEqualTo(50.0);
        assertThat(utilization.cpuCapacity()).isEqualTo("4000m");
        assertThat(utilization.cpuAllocatable()).isEqualTo("3920m");
        assertThat(utilization.memoryCapacity()).isEqualTo("16384Mi");
        assertThat(utilization.memoryAllocatable()).isEqualTo("15360Mi");
    }

    @Test
    void usageIsPrintedAsKubectlTopAndPercentagesRoundToOneDecimal() {
        // 123456789n rounds up to 124m; 1234567Ki is 1205.6Mi, printed as 1205Mi
        NodeUtilization utilization =
                analyze(node("4", "16Gi", "3", "16Gi", "110"), metrics("123456789n", "1234567Ki"), List.of());

        assertThat(utilization.cpuUsage()).isEqualTo("124m");
        assertThat(utilization.memoryUsage()).isEqualTo("1205Mi");
        assertThat(utilization.cpuPercentage()).isEqualTo(4.1); // 124 / 3000 = 4.133%
        assertThat(utilization.memoryPercentage()).isEqualTo(7.4); // 1234567Ki / 16Gi = 7.358%
    }

    @Test
    void usageAboveAllocatableIsNotCapped() {
        NodeUtilization utilization =
                analyze(node("4", "16Gi", "3500m", "15Gi", "110"), metrics("3850m", "1Gi"), List.of());

        assertThat(utilization.cpuPercentage()).isEqualTo(110.0);
    }

    @Test
    void timestampIsTheSampleTimeWithItsWindowAndAge() {
        NodeUtilization utilization = analyze(node("4", "16Gi", "4", "16Gi", "110"), metrics("1", "1Gi"), List.of());

        assertThat(utilization.timestamp()).isEqualTo(Instant.parse("2026-01-15T11:59:30Z"));
        assertThat(utilization.metricsTimestamp()).isEqualTo(utilization.timestamp());
        assertThat(utilization.metricsWindow()).isEqualTo("30s");
        assertThat(utilization.metricsAge()).isEqualTo("30s");
        assertThat(NodeUtilizationAnalyzer.window(Duration.ofMillis(20_037))).isEqualTo("20.037s");
        assertThat(NodeUtilizationAnalyzer.window(Duration.ofSeconds(90))).isEqualTo("1m30s");
    }

    @Test
    void requestsAndLimitsSumEffectivePodRequestsIncludingInitContainers() {
        Pod web = pod("web", "Running", List.of(), container("app", "500m", "512Mi", "1", "1Gi"));
        // the init container needs more CPU than the app container: the pod reserves 2 CPUs, not 250m
        Pod migrate = pod(
                "migrate",
                "Pending",
                List.of(container("schema", "2", "128Mi", null, null)),
                container("app", "250m", "256Mi", null, "512Mi"));

        NodeUtilization utilization =
                analyze(node("4", "16Gi", "4", "16Gi", "110"), metrics("1", "1Gi"), List.of(web, migrate));

        assertThat(utilization.requests().get("cpu")).isEqualTo(new NodeUtilization.Allocation("2500m", 62.5));
        assertThat(utilization.requests().get("memory")).isEqualTo(new NodeUtilization.Allocation("768Mi", 4.7));
        assertThat(utilization.limits().get("cpu")).isEqualTo(new NodeUtilization.Allocation("1", 25.0));
        assertThat(utilization.limits().get("memory")).isEqualTo(new NodeUtilization.Allocation("1536Mi", 9.4));
        assertThat(utilization.requests()).containsOnlyKeys("cpu", "memory", "ephemeral-storage");
        assertThat(utilization.requests().get("ephemeral-storage"))
                .isEqualTo(new NodeUtilization.Allocation("0", null));
        assertThat(utilization.podCount()).isEqualTo(2);
        assertThat(utilization.podCapacity()).isEqualTo(110);
    }

    @Test
    void terminatedPodsAndPodsOfOtherNodesAreExcluded() {
        Pod running = pod("running", "Running", List.of(), container("app", "1", "1Gi", null, null));
        Pod succeeded = pod("done", "Succeeded", List.of(), container("app", "1", "1Gi", null, null));
        Pod evicted = pod("evicted", "Failed", List.of(), container("app", "1", "1Gi", null, null));
        Pod elsewhere = pod("elsewhere", "Running", List.of(), container("app", "1", "1Gi", null, null));
        elsewhere.getSpec().setNodeName("worker-2");

        NodeUtilization utilization = analyze(
                node("4", "16Gi", "4", "16Gi", "110"),
                metrics("1", "1Gi"),
                List.of(running, succeeded, evicted, elsewhere));

        assertThat(utilization.requests().get("cpu").amount()).isEqualTo("1");
        assertThat(utilization.podCount()).isEqualTo(1);
    }

    @Test
    void extendedResourcesOfTheNodeAreListed() {
        Node gpuNode = node("8", "32Gi", "8", "32Gi", "110");
        gpuNode.getStatus().getAllocatable().put("nvidia.com/gpu", new Quantity("2"));
        Container trainer = container("trainer", "2", "8Gi", null, null);
        trainer.getResources().setLimits(Map.of("nvidia.com/gpu", new Quantity("1")));
        trainer.getResources().getRequests().put("nvidia.com/gpu", new Quantity("1"));

        NodeUtilization utilization =
                analyze(gpuNode, metrics("1", "1Gi"), List.of(pod("trainer", "Running", List.of(), trainer)));

        assertThat(utilization.requests().keySet())
                .containsExactly("cpu", "memory", "ephemeral-storage", "nvidia.com/gpu");
        assertThat(utilization.requests().get("nvidia.com/gpu")).isEqualTo(new NodeUtilization.Allocation("1", 50.0));
    }

    @Test
    void withoutMetricsOnlyUsageIsMissing() {
        Pod web = pod("web", "Running", List.of(), container("app", "500m", "512Mi", null, null));

        NodeUtilization utilization = analyze(node("4", "16Gi", "4", "16Gi", "110"), null, List.of(web));

        assertThat(utilization.cpuUsage()).isNull();
        assertThat(utilization.cpuPercentage()).isNull();
        assertThat(utilization.memoryUsage()).isNull();
        assertThat(utilization.timestamp()).isNull();
        assertThat(utilization.metricsWindow()).isNull();
        assertThat(utilization.requests().get("cpu")).isEqualTo(new NodeUtilization.Allocation("500m", 12.5));
    }

    private static NodeUtilization analyze(Node node, NodeMetrics metrics, List<Pod> pods) {
        return NodeUtilizationAnalyzer.analyze(node, metrics, pods, NOW);
    }

    static Node node(String cpu, String memory, String allocatableCpu, String allocatableMemory, String pods) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName("worker-1")
                .endMetadata()
                .withNewStatus()
                .addToCapacity("cpu", new Quantity(cpu))
                .addToCapacity("memory", new Quantity(memory))
                .addToCapacity("pods", new Quantity(pods))
                .addToAllocatable("cpu", new Quantity(allocatableCpu))
                .addToAllocatable("memory", new Quantity(allocatableMemory))
                .addToAllocatable("pods", new Quantity(pods))
                .endStatus()
                .build();
    }

    static NodeMetrics metrics(String cpu, String memory) {
        return new NodeMetricsBuilder()
                .withNewMetadata()
                .withName("worker-1")
                .endMetadata()
                .withTimestamp("2026-01-15T11:59:30Z")
                .withWindow(new io.fabric8.kubernetes.api.model.Duration(Duration.ofSeconds(30)))
                .addToUsage("cpu", new Quantity(cpu))
                .addToUsage("memory", new Quantity(memory))
                .build();
    }

    static Pod pod(String name, String phase, List<Container> initContainers, Container... containers) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withNodeName("worker-1")
                .withInitContainers(initContainers)
                .withContainers(containers)
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .endStatus()
                .build();
    }

    static Container container(String name, String cpu, String memory, String cpuLimit, String memoryLimit) {
        ContainerBuilder builder = new ContainerBuilder()
                .withName(name)
                .withImage(name + ":1")
                .withNewResources()
                .addToRequests("cpu", new Quantity(cpu))
                .addToRequests("memory", new Quantity(memory))
                .endResources();
        Container container = builder.build();
        if (cpuLimit != null) {
            container.getResources().getLimits().put("cpu", new Quantity(cpuLimit));
        }
        if (memoryLimit != null) {
            container.getResources().getLimits().put("memory", new Quantity(memoryLimit));
        }
        return container;
    }
}
