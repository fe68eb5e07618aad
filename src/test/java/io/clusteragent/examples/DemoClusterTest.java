package io.clusteragent.examples;

import io.clusteragent.analysis.describe.PodDescriber;
import io.clusteragent.analysis.describe.PodDescription;
import io.clusteragent.analysis.events.ObservedEvent;
import io.clusteragent.analysis.utilization.NodeUtilization;
import io.clusteragent.analysis.utilization.NodeUtilizationAnalyzer;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.InMemoryClusterState;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo snapshot parses into typed objects, is internally consistent, and contains every scenario it advertises. */
class DemoClusterTest {

    static final Path FILE = Path.of("examples/demo-cluster.yaml");
    static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    static final Pattern REASON_COUNT = Pattern.compile("(?:^|, )(\\d+) ");

    static List<HasMetadata> items;
    static ClusterState cluster;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(FILE)) {
            KubernetesList list = new KubernetesSerialization().unmarshal(in);
            items = list.getItems();
        }
        cluster = InMemoryClusterState.of(items, NOW);
    }

    @Test
    void everyItemIsATypedModelObject() {
        assertThat(items).noneMatch(GenericKubernetesResource.class::isInstance);
        assertThat(items)
                .extracting(Object::getClass)
                .map(Class::getSimpleName)
                .contains(
                        "Namespace",
                        "Node",
                        "Pod",
                        "Event",
                        "ReplicaSet",
                        "Deployment",
                        "StatefulSet",
                        "DaemonSet",
                        "Job",
                        "PersistentVolumeClaim",
                        "PersistentVolume",
                        "NodeMetrics",
                        "PodMetrics");
    }

    @Test
    void namespacesAndNodesAreTheAdvertisedOnes() {
        assertThat(all(Namespace.class))
                .extracting(n -> n.getMetadata().getName())
                .containsExactlyInAnyOrder("default", "kube-system", "shop", "data", "batch", "ml");
        assertThat(all(Node.class))
                .extracting(n -> n.getMetadata().getName())
                .containsExactly("control-plane-1", "worker-1", "worker-2", "worker-3", "gpu-1", "worker-4");

        assertThat(taintKeys(node("control-plane-1"))).containsExactly("node-role.kubernetes.io/control-plane");
        assertThat(ready(node("worker-3"))).isEqualTo("Unknown");
        assertThat(taintKeys(node("worker-3"))).containsOnly("node.kubernetes.io/unreachable");
        assertThat(taintKeys(node("gpu-1"))).containsExactly("nvidia.com/gpu");
        assertThat(node("gpu-1").getStatus().getAllocatable()).containsEntry("nvidia.com/gpu", new Quantity("2"));
        assertThat(node("worker-4").getSpec().getUnschedulable()).isTrue();
        assertThat(taintKeys(node("worker-4"))).containsExactly("node.kubernetes.io/unschedulable");
        for (String worker : List.of("worker-1", "worker-2")) {
            Node node = node(worker);
            assertThat(ready(node)).isEqualTo("True");
            assertThat(node.getStatus().getCapacity())
                    .containsEntry("cpu", new Quantity("4"))
                    .containsEntry("memory", new Quantity("16Gi"));
            assertThat(node.getMetadata().getLabels()).containsKey("topology.kubernetes.io/zone");
        }
    }

    @Test
    void podsReferenceExistingNodesAndOwners() {
        for (Pod pod : all(Pod.class)) {
            String nodeName = pod.getSpec().getNodeName();
            if (nodeName != null) {
                assertThat(cluster.node(nodeName))
                        .as("node of %s", pod.getMetadata().getName())
                        .isPresent();
            }
            assertThat(pod.getMetadata().getOwnerReferences())
                    .as("owners of %s", pod.getMetadata().getName())
                    .isNotEmpty()
                    .allSatisfy(owner -> assertThat(
                                    find(owner.getKind(), pod.getMetadata().getNamespace(), owner.getName()))
                            .as("%s %s", owner.getKind(), owner.getName())
                            .hasValueSatisfying(
                                    o -> assertThat(o.getMetadata().getUid()).isEqualTo(owner.getUid())));
        }
        for (ReplicaSet replicaSet : all(ReplicaSet.class)) {
            var owner = replicaSet.getMetadata().getOwnerReferences().get(0);
            assertThat(cluster.deployment(replicaSet.getMetadata().getNamespace(), owner.getName()))
                    .hasValueSatisfying(
                            d -> assertThat(d.getMetadata().getUid()).isEqualTo(owner.getUid()));
        }
    }

    @Test
    void everyEventsInvolvedObjectExists() {
        assertThat(all(Event.class)).isNotEmpty().allSatisfy(event -> {
            var involved = event.getInvolvedObject();
            assertThat(find(involved.getKind(), involved.getNamespace(), involved.getName()))
                    .as("%s %s/%s", involved.getKind(), involved.getNamespace(), involved.getName())
                    .hasValueSatisfying(
                            o -> assertThat(o.getMetadata().getUid()).isEqualTo(involved.getUid()));
            assertThat(ObservedEvent.of(event).lastSeen()).isBefore(NOW);
        });
    }

    @Test
    void volumesAndMetricsReferenceExistingObjects() {
        for (PersistentVolumeClaim claim : all(PersistentVolumeClaim.class)) {
            String volumeName = claim.getSpec().getVolumeName();
            if ("Bound".equals(claim.getStatus().getPhase())) {
                assertThat(cluster.persistentVolume(volumeName)).isPresent();
            }
        }
        for (PersistentVolume volume : all(PersistentVolume.class)) {
            var claimRef = volume.getSpec().getClaimRef();
            assertThat(cluster.persistentVolumeClaim(claimRef.getNamespace(), claimRef.getName()))
                    .hasValueSatisfying(
                            c -> assertThat(c.getMetadata().getUid()).isEqualTo(claimRef.getUid()));
        }
        assertThat(all(NodeMetrics.class))
                .extracting(m -> m.getMetadata().getName())
                .containsExactlyInAnyOrder("control-plane-1", "worker-1", "worker-2", "gpu-1", "worker-4");
        assertThat(all(PodMetrics.class)).isNotEmpty().allSatisfy(metrics -> {
            Pod pod = cluster.pod(
                            metrics.getMetadata().getNamespace(),
                            metrics.getMetadata().getName())
                    .orElseThrow();
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(metrics.getWindow().getDuration()).hasSeconds(30);
        });
    }

    @Test
    void noTimestampIsAfterTheDemoClock() {
        assertThat(items)
                .allSatisfy(item -> assertThat(Instant.parse(item.getMetadata().getCreationTimestamp()))
                        .as("%s %s", item.getKind(), item.getMetadata().getName())
                        .isBeforeOrEqualTo(NOW));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Insufficient memory",
                "Insufficient cpu",
                "Insufficient nvidia.com/gpu",
                "didn't match Pod's node affinity/selector",
                "pod has unbound immediate PersistentVolumeClaims",
                "had volume node affinity conflict",
                "didn't match pod anti-affinity rules",
                "didn't match pod topology spread constraints"
            })
    void aPendingPodShowsEachSchedulingFailure(String reason) {
        List<Pod> pending = all(Pod.class).stream()
                .filter(pod -> unschedulableMessage(pod)
                        .filter(message -> message.contains(reason))
                        .isPresent())
                .toList();

        assertThat(pending).as(reason).hasSize(1);
        Pod pod = pending.get(0);
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pod.getSpec().getNodeName()).isNull();
        assertThat(cluster.eventsFor(pod)).anySatisfy(event -> {
            assertThat(event.getReason()).isEqualTo("FailedScheduling");
            assertThat(event.getMessage()).isEqualTo(unschedulableMessage(pod).orElseThrow());
        });
    }

    @Test
    void schedulerMessagesAccountForEveryNode() {
        int nodes = all(Node.class).size();
        List<String> messages = all(Event.class).stream()
                .filter(e -> "FailedScheduling".equals(e.getReason()))
                .map(Event::getMessage)
                .toList();

        assertThat(messages).hasSize(8).allSatisfy(message -> {
            String[] parts = message.split("\\. preemption: ");
            assertThat(parts).hasSize(2);
            assertThat(parts[0]).startsWith("0/" + nodes + " nodes are available: ");
            assertThat(parts[1])
                    .startsWith("0/" + nodes + " nodes are available: ")
                    .endsWith(".");
            String filterReasons = parts[0].substring(("0/" + nodes + " nodes are available: ").length());
            if (!filterReasons.startsWith("pod has unbound")) {
                assertThat(countSum(filterReasons)).as(message).isEqualTo(nodes);
            }
            assertThat(countSum(parts[1].substring(("0/" + nodes + " nodes are available: ").length())))
                    .as(message)
                    .isEqualTo(nodes);
        });
    }

    @Test
    void schedulerEventsComeInBothApiStyles() {
        List<Event> scheduling = all(Event.class).stream()
                .filter(e -> "FailedScheduling".equals(e.getReason()))
                .toList();

        assertThat(scheduling).anySatisfy(e -> {
            assertThat(e.getCount()).isNull();
            assertThat(e.getFirstTimestamp()).isNull();
            assertThat(e.getEventTime()).isNotNull();
            assertThat(e.getSeries().getCount()).isGreaterThan(1);
            assertThat(e.getReportingComponent()).isEqualTo("default-scheduler");
        });
        assertThat(scheduling).anySatisfy(e -> {
            assertThat(e.getCount()).isGreaterThan(1);
            assertThat(e.getFirstTimestamp()).isNotNull();
            assertThat(e.getLastTimestamp()).isNotNull();
        });
    }

    @Test
    void failingWorkloadsAreAllThere() {
        assertThat(containers())
                .as("crash loop")
                .anyMatch(s -> "CrashLoopBackOff".equals(waitingReason(s))
                        && s.getRestartCount() >= 10
                        && lastTermination(s).filter(t -> t.getExitCode() == 1).isPresent());
        assertThat(containers())
                .as("OOMKilled")
                .anyMatch(s -> lastTermination(s)
                        .filter(t -> "OOMKilled".equals(t.getReason()) && t.getExitCode() == 137)
                        .isPresent());
        assertThat(containers()).as("image pull").anyMatch(s -> "ImagePullBackOff".equals(waitingReason(s)));
        assertThat(containers()).as("config").anyMatch(s -> "CreateContainerConfigError".equals(waitingReason(s)));
        assertThat(all(Pod.class).stream().flatMap(p -> p.getStatus().getInitContainerStatuses().stream()))
                .as("init crash loop")
                .anyMatch(s -> "CrashLoopBackOff".equals(waitingReason(s)));
        assertThat(containers())
                .as("restarted often, running now")
                .anyMatch(s -> s.getState().getRunning() != null
                        && Boolean.TRUE.equals(s.getReady())
                        && s.getRestartCount() >= 20);
        assertThat(all(Pod.class))
                .as("evicted")
                .anyMatch(p -> "Failed".equals(p.getStatus().getPhase())
                        && "Evicted".equals(p.getStatus().getReason())
                        && p.getStatus().getMessage().startsWith("The node was low on resource: memory."));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "BackOff|Back-off restarting failed container app in pod ",
                "Failed|: not found",
                "BackOff|Back-off pulling image \"",
                "Failed|Error: secret \"smtp-credentials\" not found",
                "Unhealthy|Readiness probe failed: HTTP probe failed with statuscode: 503",
                "Unhealthy|Liveness probe failed: ",
                "FailedMount|MountVolume.SetUp failed for volume \"config\" : configmap \"metabase-config\" not found",
                "Evicted|The node was low on resource: memory."
            })
    void kubeletEventsUseRealWording(String reasonAndText) {
        String[] expected = reasonAndText.split("\\|", 2);

        assertThat(all(Event.class)).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo(expected[0]);
            assertThat(e.getMessage()).contains(expected[1]);
            assertThat(e.getSource().getComponent()).isEqualTo("kubelet");
        });
    }

    @Test
    void healthyWorkloadsAreAllThere() {
        Deployment frontend = cluster.deployment("shop", "frontend").orElseThrow();
        assertThat(frontend.getStatus().getReadyReplicas()).isEqualTo(3);
        assertThat(cluster.podsInNamespace("shop"))
                .filteredOn(p -> p.getMetadata().getName().startsWith("frontend-"))
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.getMetadata().getLabels()).containsKey("pod-template-hash"));
        StatefulSet postgres = cluster.statefulSet("data", "postgres").orElseThrow();
        assertThat(postgres.getStatus().getReadyReplicas()).isEqualTo(1);
        PersistentVolumeClaim claim =
                cluster.persistentVolumeClaim("data", "data-postgres-0").orElseThrow();
        assertThat(claim.getStatus().getPhase()).isEqualTo("Bound");
        assertThat(cluster.persistentVolume(claim.getSpec().getVolumeName())
                        .orElseThrow()
                        .getSpec()
                        .getNodeAffinity())
                .isNotNull();
        assertThat(cluster.persistentVolumeClaim("data", "uploads")
                        .orElseThrow()
                        .getStatus()
                        .getPhase())
                .isEqualTo("Pending");
        assertThat(all(Job.class))
                .anySatisfy(job -> assertThat(job.getStatus().getSucceeded()).isEqualTo(1));
        assertThat(cluster.daemonSet("kube-system", "kube-proxy")).isPresent();
        assertThat(cluster.podsInNamespace("kube-system"))
                .extracting(p -> p.getMetadata().getOwnerReferences().get(0).getKind())
                .contains("DaemonSet", "ReplicaSet");
    }

    @Test
    void secretsAreOnlyReferencedNeverIncluded() throws IOException {
        assertThat(all(Pod.class).stream()
                        .flatMap(p -> p.getSpec().getContainers().stream())
                        .flatMap(c -> c.getEnv().stream()))
                .anyMatch(
                        env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .anyMatch(env -> env.getValue() != null && !env.getValue().isEmpty());
        assertThat(Files.readString(FILE)).doesNotContain("kind: Secret");
    }

    @Test
    void oneRunningPodUsesAlmostAllOfItsCpuLimit() {
        assertThat(all(PodMetrics.class).stream().flatMap(m -> m.getContainers().stream()))
                .anySatisfy(
                        c -> assertThat(Quantity.getAmountInBytes(c.getUsage().get("cpu"))
                                        .doubleValue())
                                .isGreaterThanOrEqualTo(0.85));
    }

    @Test
    void everyPodCanBeDescribedAndEveryNodeAnalyzed() {
        for (Pod pod : all(Pod.class)) {
            PodDescription description = PodDescriber.describe(pod, cluster.eventsFor(pod), NOW);
            assertThat(description.events()).hasSameSizeAs(cluster.eventsFor(pod));
        }
        NodeUtilization worker1 = NodeUtilizationAnalyzer.analyze(
                node("worker-1"), cluster.nodeMetrics("worker-1").orElseThrow(), cluster.podsOnNode("worker-1"), NOW);
        assertThat(worker1.cpuPercentage()).isBetween(1.0, 100.0);
        assertThat(worker1.requests().get("cpu").percentage()).isBetween(1.0, 100.0);
        NodeUtilization worker3 = NodeUtilizationAnalyzer.analyze(
                node("worker-3"), cluster.nodeMetrics("worker-3").orElse(null), cluster.podsOnNode("worker-3"), NOW);
        assertThat(worker3.cpuUsage()).isNull();
    }

    // --- lookups over the parsed items ----------------------------------------------------------

    static <T> List<T> all(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static Node node(String name) {
        return cluster.node(name).orElseThrow();
    }

    static Optional<HasMetadata> find(String kind, String namespace, String name) {
        return items.stream()
                .filter(i -> i.getKind().equals(kind)
                        && i.getMetadata().getName().equals(name)
                        && Objects.equals(i.getMetadata().getNamespace(), namespace))
                .findFirst();
    }

    static List<String> taintKeys(Node node) {
        return node.getSpec().getTaints().stream().map(Taint::getKey).distinct().toList();
    }

    static String ready(Node node) {
        return node.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType()))
                .map(NodeCondition::getStatus)
                .findFirst()
                .orElseThrow();
    }

    static Optional<String> unschedulableMessage(Pod pod) {
        return pod.getStatus().getConditions().stream()
                .filter(c -> "PodScheduled".equals(c.getType())
                        && "False".equals(c.getStatus())
                        && "Unschedulable".equals(c.getReason()))
                .map(PodCondition::getMessage)
                .findFirst();
    }

    static Stream<ContainerStatus> containers() {
        return all(Pod.class).stream().flatMap(p -> p.getStatus().getContainerStatuses().stream());
    }

    static Optional<ContainerStateTerminated> lastTermination(ContainerStatus status) {
        return Optional.ofNullable(status.getLastState()).map(ContainerState::getTerminated);
    }

    static String waitingReason(ContainerStatus status) {
        return status.getState().getWaiting() == null
                ? null
                : status.getState().getWaiting().getReason();
    }

    static int countSum(String reasons) {
        Matcher matcher = REASON_COUNT.matcher(reasons);
        int sum = 0;
        while (matcher.find()) {
            sum += Integer.parseInt(matcher.group(1));
        }
        return sum;
    }
}
