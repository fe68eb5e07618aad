package io.clusteragent.detect;

import io.clusteragent.cluster.InMemoryClusterState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Pods, nodes, metrics and events in the shapes the API server and metrics-server return them. */
final class Shapes {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private Shapes() {}

    /** A Running pod of Deployment web on node-1 with one container {@code app} limited to 256Mi; add container statuses. */
    static PodBuilder webPod(String name) {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .withUid("uid-" + name)
                .withCreationTimestamp("2024-05-01T08:00:00Z")
                .addToLabels("app", "web")
                .addToLabels("pod-template-hash", "7d9c8b6f5")
                .addNewOwnerReference()
                .withApiVersion("apps/v1")
                .withKind("ReplicaSet")
                .withName("web-7d9c8b6f5")
                .withUid("rs-web")
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withNodeName("node-1")
                .addNewContainer()
                .withName("app")
                .withImage("registry.example.com/shop/web:1.4")
                .withNewResources()
                .addToLimits("memory", new Quantity("256Mi"))
                .addToRequests("cpu", new Quantity("100m"))
                .endResources()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .endStatus();
    }

    static Pod pod(String name, ContainerStatus... statuses) {
        return webPod(name)
                .editStatus()
                .withContainerStatuses(statuses)
                .endStatus()
                .build();
    }

    static ContainerStatus running(String container, int restarts) {
        return new ContainerStatusBuilder()
                .withName(container)
                .withReady(true)
                .withRestartCount(restarts)
                .withNewState()
                .withNewRunning()
                .withStartedAt("2024-05-01T08:01:00Z")
                .endRunning()
                .endState()
                .build();
    }

    static ContainerStatus waiting(String container, String reason, String message, int restarts) {
        return new ContainerStatusBuilder()
                .withName(container)
                .withReady(false)
                .withRestartCount(restarts)
                .withNewState()
                .withNewWaiting()
                .withReason(reason)
                .withMessage(message)
                .endWaiting()
                .endState()
                .build();
    }

    /** Running again after its previous run ended as {@code reason} with {@code exitCode} at {@code finishedAt} (null: not reported). */
    static ContainerStatus restartedAfter(
            String container, int restarts, String reason, int exitCode, String finishedAt) {
        return new ContainerStatusBuilder(running(container, restarts))
                .withNewLastState()
                .withNewTerminated()
                .withReason(reason)
                .withExitCode(exitCode)
                .withFinishedAt(finishedAt)
                .endTerminated()
                .endLastState()
                .build();
    }

    static PodMetrics metrics(String name, String timestamp, String cpu, String memory) {
        return new PodMetricsBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .endMetadata()
                .withTimestamp(timestamp)
                .withContainers(new ContainerMetricsBuilder()
                        .withName("app")
                        .withUsage(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                        .build())
                .build();
    }

    static Node node(String name, NodeCondition... conditions) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withUid("uid-" + name)
                .endMetadata()
                .withNewStatus()
                .withConditions(conditions)
                .endStatus()
                .build();
    }

    static NodeCondition condition(String type, String status, String reason, String message) {
        return new NodeConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastHeartbeatTime("2024-05-01T11:59:00Z")
                .withLastTransitionTime("2024-05-01T11:45:00Z")
                .build();
    }

    static List<NodeCondition> healthyConditions() {
        return List.of(
                condition(
                        "MemoryPressure",
                        "False",
                        "KubeletHasSufficientMemory",
                        "kubelet has sufficient memory available"),
                condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"));
    }

    /** A core/v1 Warning event about {@code pod}, as the kubelet writes it: repeats raise {@code count}. */
    static Event warning(String uid, Pod pod, String reason, String message, int count, Instant first, Instant last) {
        return new EventBuilder()
                .withNewMetadata()
                .withNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName() + "." + uid)
                .withUid(uid)
                .withResourceVersion(uid + "-" + count)
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("Pod")
                .withApiVersion("v1")
                .withNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName())
                .withUid(pod.getMetadata().getUid())
                .endInvolvedObject()
                .withType("Warning")
                .withReason(reason)
                .withMessage(message)
                .withCount(count)
                .withFirstTimestamp(first.toString())
                .withLastTimestamp(last.toString())
                .withNewSource()
                .withComponent("kubelet")
                .withHost("node-1")
                .endSource()
                .build();
    }

    /** One reading of node-1's cgroups holding container {@code app} of pod {@code shop/<pod>}. */
    static CgroupReadings cgroupReading(
            Instant readAt, String pod, String cgroup, Long workingSetBytes, double cpuSeconds, Long oomKills) {
        return new CgroupReadings(
                readAt,
                Map.of(
                        new CgroupReadings.PodName("shop", pod),
                        Map.of(
                                "app",
                                new CgroupReadings.Usage(
                                        cgroup,
                                        workingSetBytes == null
                                                ? OptionalLong.empty()
                                                : OptionalLong.of(workingSetBytes),
                                        cpuSeconds,
                                        oomKills == null ? OptionalLong.empty() : OptionalLong.of(oomKills)))));
    }

    static DetectionInput input(Instant now, CgroupReadings cgroups, HasMetadata... objects) {
        return new DetectionInput(
                InMemoryClusterState.of(List.of(objects), now), now, Optional.empty(), Optional.of(cgroups));
    }

    static DetectionInput input(Instant now, HasMetadata... objects) {
        return new DetectionInput(InMemoryClusterState.of(List.of(objects), now), now, Optional.empty());
    }

    static DetectionInput input(Instant now, List<? extends HasMetadata> objects) {
        return new DetectionInput(InMemoryClusterState.of(objects, now), now, Optional.empty());
    }
}
