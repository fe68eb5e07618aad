package io.clusteragent.analysis.scheduling;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;

/** Pods, nodes and events shaped as the API server returns them. */
final class SchedulingFixtures {

    static final String CREATED = "2024-05-01T10:00:00Z";

    private SchedulingFixtures() {}

    /** A Ready node with the given allocatable cpu and memory, room for 110 pods, and the usual hostname/zone labels. */
    static NodeBuilder node(String name, String cpu, String memory) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withUid("uid-" + name)
                .addToLabels("kubernetes.io/hostname", name)
                .addToLabels("topology.kubernetes.io/zone", "zone-a")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .withNewStatus()
                .addToAllocatable("cpu", new Quantity(cpu))
                .addToAllocatable("memory", new Quantity(memory))
                .addToAllocatable("pods", new Quantity("110"))
                .addToAllocatable("ephemeral-storage", new Quantity("100Gi"))
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withReason("KubeletReady")
                .endCondition()
                .endStatus();
    }

    static Node readyNode(String name, String cpu, String memory) {
        return node(name, cpu, memory).build();
    }

    /** A pending pod in namespace default with one container requesting cpu and memory. */
    static PodBuilder pendingPod(String name, String cpu, String memory) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .withUid("uid-" + name)
                .withCreationTimestamp(CREATED)
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .withSchedulerName("default-scheduler")
                .addToContainers(new ContainerBuilder()
                        .withName("app")
                        .withImage("nginx:1.27")
                        .withNewResources()
                        .addToRequests("cpu", new Quantity(cpu))
                        .addToRequests("memory", new Quantity(memory))
                        .endResources()
                        .build())
                .endSpec()
                .withNewStatus()
                .withPhase("Pending")
                .endStatus();
    }

    static Pod runningPod(String name, String nodeName, String cpu, String memory) {
        return pendingPod(name, cpu, memory)
                .editSpec()
                .withNodeName(nodeName)
                .endSpec()
                .editStatus()
                .withPhase("Running")
                .endStatus()
                .build();
    }

    static Taint taint(String key, String value, String effect) {
        return new Taint(effect, key, null, value);
    }

    /** A FailedScheduling event as kube-scheduler writes it through events.k8s.io: eventTime set, no count or lastTimestamp. */
    static Event failedScheduling(Pod pod, String message, String eventTime) {
        return schedulerEvent(pod, "Warning", "FailedScheduling", message, eventTime);
    }

    static Event schedulerEvent(Pod pod, String type, String reason, String message, String eventTime) {
        return new EventBuilder()
                .withNewMetadata()
                .withName(pod.getMetadata().getName() + "." + reason + "." + eventTime.hashCode())
                .withNamespace(pod.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("Pod")
                .withNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName())
                .withUid(pod.getMetadata().getUid())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withEventTime(new MicroTime(eventTime))
                .withReportingComponent("default-scheduler")
                .withReportingInstance("default-scheduler-control-plane")
                .build();
    }

    /** A core/v1 event from the kubelet or a controller: count and lastTimestamp set. */
    static Event podEvent(Pod pod, String type, String reason, String message, String lastTimestamp, String component) {
        return new EventBuilder()
                .withNewMetadata()
                .withName(pod.getMetadata().getName() + "." + reason + "." + lastTimestamp.hashCode())
                .withNamespace(pod.getMetadata().getNamespace())
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("Pod")
                .withNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName())
                .withUid(pod.getMetadata().getUid())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withCount(3)
                .withFirstTimestamp(lastTimestamp)
                .withLastTimestamp(lastTimestamp)
                .withNewSource()
                .withComponent(component)
                .endSource()
                .build();
    }
}
