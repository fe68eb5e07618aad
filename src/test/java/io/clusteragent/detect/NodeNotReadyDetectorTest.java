package io.clusteragent.detect;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.clusteragent.detect.Shapes.NOW;
import static io.clusteragent.detect.Shapes.condition;
import static io.clusteragent.detect.Shapes.healthyConditions;
import static org.assertj.core.api.Assertions.assertThat;

class NodeNotReadyDetectorTest {

    private final NodeNotReadyDetector detector = new NodeNotReadyDetector();

    @Test
    void nodeWhoseKubeletStoppedReportingIsCriticallyNotReady() {
        Node node = node(
                "node-2", condition("Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."));

        assertThat(detector.detect(Shapes.input(NOW, node))).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo(FindingType.NODE_NOT_READY);
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.CRITICAL);
            assertThat(finding.namespace()).isNull();
            assertThat(finding.resource()).isEqualTo("node/node-2");
            assertThat(finding.node()).isEqualTo("node-2");
            assertThat(finding.message())
                    .isEqualTo(
                            "Node node-2 is NotReady (Ready=Unknown, NodeStatusUnknown: Kubelet stopped posting node status.) for 15m");
            assertThat(finding.details())
                    .containsEntry("status", "Unknown")
                    .containsEntry("reason", "NodeStatusUnknown")
                    .containsEntry("not_ready_for", "15m");
        });
    }

    @Test
    void readyFalseIsNotReady() {
        Node node =
                node("node-2", condition("Ready", "False", "KubeletNotReady", "container runtime network not ready"));

        assertThat(detector.detect(Shapes.input(NOW, node)))
                .extracting(Finding::severity)
                .containsExactly(IncidentSeverity.CRITICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MemoryPressure", "DiskPressure", "PIDPressure"})
    void readyNodeUnderPressureIsHigh(String pressure) {
        Node node = node("node-3", condition(pressure, "True", "KubeletHas" + pressure, "kubelet has " + pressure));

        assertThat(detector.detect(Shapes.input(NOW, node))).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.HIGH);
            assertThat(finding.message()).isEqualTo("Node node-3 reports " + pressure + ": kubelet has " + pressure);
            assertThat(finding.details()).containsEntry("pressures", pressure).containsEntry("condition", pressure);
        });
    }

    @Test
    void notReadyNodeUnderPressureIsOneCriticalFindingNamingThePressure() {
        Node node = node(
                "node-2",
                condition("Ready", "False", "KubeletNotReady", "PLEG is not healthy"),
                condition("DiskPressure", "True", "KubeletHasDiskPressure", "kubelet has disk pressure"));

        assertThat(detector.detect(Shapes.input(NOW, node))).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(IncidentSeverity.CRITICAL);
            assertThat(finding.details()).containsEntry("pressures", "DiskPressure");
        });
    }

    @Test
    void healthyNodeIsSilent() {
        assertThat(detector.detect(Shapes.input(
                        NOW, Shapes.node("node-1", healthyConditions().toArray(NodeCondition[]::new)))))
                .isEmpty();
    }

    /** A node reporting every healthy condition except those given, which replace the ones of the same type. */
    private static Node node(String name, NodeCondition... changed) {
        List<NodeCondition> conditions = new ArrayList<>();
        for (NodeCondition healthy : healthyConditions()) {
            NodeCondition replaced = healthy;
            for (NodeCondition c : changed) {
                if (c.getType().equals(healthy.getType())) {
                    replaced = c;
                }
            }
            conditions.add(replaced);
        }
        return Shapes.node(name, conditions.toArray(NodeCondition[]::new));
    }
}
