package io.clusteragent.analysis.resources;

import io.clusteragent.quantity.NodeRequests;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeAllocationTest {

    @Test
    void availableIsAllocatableMinusRequestsOfActivePodsOtherThanTheExcludedOne() {
        Node node = new NodeBuilder()
                .withNewMetadata()
                .withName("n")
                .endMetadata()
                .withNewStatus()
                .addToAllocatable("cpu", new Quantity("3920m"))
                .addToAllocatable("memory", new Quantity("15Gi"))
                .addToAllocatable("pods", new Quantity("110"))
                .endStatus()
                .build();
        Pod running = pod("running", "Running", "1", "2Gi");
        Pod succeeded = pod("done", "Succeeded", "2", "4Gi");
        Pod self = pod("self", "Pending", "500m", "1Gi");

        NodeAllocation allocation = NodeAllocation.of(node, NodeRequests.of(List.of(running, succeeded, self)), self);

        assertThat(allocation.available("cpu")).isEqualTo(2920);
        assertThat(allocation.available("memory")).isEqualTo(13L * 1024 * 1024 * 1024);
        assertThat(allocation.pods()).isEqualTo(1);
        assertThat(allocation.available("nvidia.com/gpu")).isZero();
    }

    private static Pod pod(String name, String phase, String cpu, String memory) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .withUid("uid-" + name)
                .endMetadata()
                .withNewSpec()
                .withNodeName("n")
                .addNewContainer()
                .withName("c")
                .withNewResources()
                .addToRequests("cpu", new Quantity(cpu))
                .addToRequests("memory", new Quantity(memory))
                .endResources()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .endStatus()
                .build();
    }
}
