package io.clusteragent.bench;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large, deterministic cluster: {@code nodes} nodes, {@code pods} pods of which
 * {@code bigNamespacePods} live in one namespace, and {@code events} events spread over the pods.
 * About one pod in ten is unhealthy (crash loop, image pull, pending) so analyses have work to do,
 * and every running pod has a PodMetrics sample.
 */
final class SyntheticCluster {

    static final String BIG_NAMESPACE = "bench-big";
    static final int DEPLOYMENTS_PER_NAMESPACE = 50;

    private final Random random = new Random(42);
    private final Instant now;
    private final List<HasMetadata> objects = new ArrayList<>();
    private final List<Pod> pods = new ArrayList<>();

    SyntheticCluster(Instant now) {
        this.now = now;
    }

    List<HasMetadata> generate(int nodeCount, int podCount, int bigNamespacePods, int eventCount) {
        for (int n = 0; n < nodeCount; n++) {
            objects.add(node("node-" + n));
        }
        int namespaces = 1 + (podCount - bigNamespacePods + 999) / 1000;
        for (int ns = 0; ns < namespaces; ns++) {
            String namespace = ns == 0 ? BIG_NAMESPACE : "bench-" + ns;
            objects.add(new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(namespace)
                    .endMetadata()
                    .build());
            for (int d = 0; d < DEPLOYMENTS_PER_NAMESPACE; d++) {
                objects.add(replicaSet(namespace, "app-" + d));
            }
        }
        for (int p = 0; p < podCount; p++) {
            String namespace = p < bigNamespacePods ? BIG_NAMESPACE : "bench-" + (1 + (p - bigNamespacePods) / 1000);
            Pod pod = pod(namespace, p, nodeCount);
            pods.add(pod);
            objects.add(pod);
        }
        for (int e = 0; e < eventCount; e++) {
            objects.add(event(pods.get(random.nextInt(pods.size())), e));
        }
        for (Pod pod : pods) {
            if (pod.getSpec().getNodeName() != null) {
                objects.add(metrics(pod));
            }
        }
        return objects;
    }

    /** Pending pods of the big namespace, for the scheduling route. */
    List<String> pendingPods() {
        return pods.stream()
                .filter(p -> p.getSpec().getNodeName() == null
                        && p.getMetadata().getNamespace().equals(BIG_NAMESPACE))
                .map(p -> p.getMetadata().getName())
                .toList();
    }

    /** Crash-looping pods of the big namespace, which carry the most events, for the failure-events route. */
    List<String> crashingPods() {
        return pods.stream()
                .filter(p -> p.getMetadata().getNamespace().equals(BIG_NAMESPACE))
                .filter(p -> p.getStatus().getContainerStatuses().stream().anyMatch(c -> c.getRestartCount() > 0))
                .map(p -> p.getMetadata().getName())
                .toList();
    }

    private Node node(String name) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withUid(name + "-uid")
                .addToLabels("kubernetes.io/hostname", name)
                .addToLabels("topology.kubernetes.io/zone", "zone-" + (name.hashCode() & 3))
                .endMetadata()
                .withNewStatus()
                .addToCapacity("cpu", new Quantity("16"))
                .addToCapacity("memory", new Quantity("64Gi"))
                .addToCapacity("pods", new Quantity("110"))
                .addToAllocatable("cpu", new Quantity("15500m"))
                .addToAllocatable("memory", new Quantity("62Gi"))
                .addToAllocatable("pods", new Quantity("110"))
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();
    }

    private HasMetadata replicaSet(String namespace, String deployment) {
        return new ReplicaSetBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(deployment + "-7d9f8")
                .addNewOwnerReference()
                .withKind("Deployment")
                .withName(deployment)
                .withApiVersion("apps/v1")
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .build();
    }

    private Pod pod(String namespace, int index, int nodeCount) {
        String deployment = "app-" + (index % DEPLOYMENTS_PER_NAMESPACE);
        String name = deployment + "-7d9f8-" + index;
        int shape = index % 10;
        boolean pending = shape == 3;
        PodBuilder pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .withUid("uid-" + index)
                .withCreationTimestamp(now.minusSeconds(3600 + index).toString())
                .addToLabels("app", deployment)
                .addNewOwnerReference()
                .withKind("ReplicaSet")
                .withName(deployment + "-7d9f8")
                .withApiVersion("apps/v1")
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withNodeName(pending ? null : "node-" + (index % nodeCount))
                .addNewContainer()
                .withName("app")
                .withImage("registry.example/app:1." + shape)
                .withNewResources()
                .addToRequests("cpu", new Quantity(pending ? "64" : "100m"))
                .addToRequests("memory", new Quantity("256Mi"))
                .addToLimits("memory", new Quantity("512Mi"))
                .endResources()
                .endContainer()
                .endSpec();
        var status = new ContainerStatusBuilder()
                .withName("app")
                .withImage("registry.example/app:1." + shape)
                .withRestartCount(0);
        String phase = "Running";
        if (shape == 1) {
            status.withRestartCount(12)
                    .withNewState()
                    .withNewWaiting()
                    .withReason("CrashLoopBackOff")
                    .withMessage("back-off 5m0s restarting failed container=app")
                    .endWaiting()
                    .endState()
                    .withNewLastState()
                    .withNewTerminated()
                    .withExitCode(1)
                    .withReason("Error")
                    .endTerminated()
                    .endLastState();
        } else if (shape == 2) {
            status.withNewState()
                    .withNewWaiting()
                    .withReason("ImagePullBackOff")
                    .endWaiting()
                    .endState();
            phase = "Pending";
        } else if (pending) {
            phase = "Pending";
        } else {
            status.withReady(true)
                    .withNewState()
                    .withNewRunning()
                    .withStartedAt(now.minusSeconds(3000).toString())
                    .endRunning()
                    .endState();
        }
        PodBuilder withStatus = pod.withNewStatus()
                .withPhase(phase)
                .withContainerStatuses(pending ? List.of() : List.of(status.build()))
                .endStatus();
        if (pending) {
            withStatus
                    .editStatus()
                    .addNewCondition()
                    .withType("PodScheduled")
                    .withStatus("False")
                    .withReason("Unschedulable")
                    .withMessage("0/" + nodeCount + " nodes are available: " + nodeCount + " Insufficient cpu.")
                    .endCondition()
                    .endStatus();
        }
        return withStatus.build();
    }

    /** Usage as metrics-server reports it; one pod in fifty is busy enough for cpu_spike. */
    private PodMetrics metrics(Pod pod) {
        boolean busy = random.nextInt(50) == 0;
        return new PodMetricsBuilder()
                .withNewMetadata()
                .withNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName())
                .endMetadata()
                .withTimestamp(now.minusSeconds(15).toString())
                .withWindow(new io.fabric8.kubernetes.api.model.Duration(java.time.Duration.ofSeconds(30)))
                .addNewContainer()
                .withName("app")
                .addToUsage("cpu", new Quantity(busy ? "400m" : (5 + random.nextInt(30)) + "m"))
                .addToUsage("memory", new Quantity((100 + random.nextInt(400)) + "Mi"))
                .endContainer()
                .build();
    }

    private Event event(Pod pod, int index) {
        String podName = pod.getMetadata().getName();
        boolean crashing = pod.getStatus().getContainerStatuses().stream().anyMatch(c -> c.getRestartCount() > 0);
        String reason = pod.getSpec().getNodeName() == null
                ? "FailedScheduling"
                : crashing ? "BackOff" : index % 3 == 0 ? "Unhealthy" : "Pulled";
        String type = reason.equals("Pulled") ? "Normal" : "Warning";
        Instant last = now.minusSeconds(random.nextInt(7200));
        return new EventBuilder()
                .withNewMetadata()
                .withNamespace(pod.getMetadata().getNamespace())
                .withName(podName + "." + index)
                .withUid("event-uid-" + index)
                .withResourceVersion(Integer.toString(index))
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("Pod")
                .withNamespace(pod.getMetadata().getNamespace())
                .withName(podName)
                .withUid(pod.getMetadata().getUid())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(reason + " for " + podName)
                .withCount(1 + random.nextInt(40))
                .withFirstTimestamp(last.minusSeconds(3600).toString())
                .withLastTimestamp(last.toString())
                .withNewSource()
                .withComponent("kubelet")
                .withHost(pod.getSpec().getNodeName())
                .endSource()
                .build();
    }
}
