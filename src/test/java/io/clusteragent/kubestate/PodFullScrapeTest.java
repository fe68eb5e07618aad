package io.clusteragent.kubestate;

import io.clusteragent.config.KubeStateSettings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.clusteragent.kubestate.PodScrape.pod;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a scraper reads for one pod of a Deployment: every pod family of kube-state-metrics v2.20 in its
 * order, with its HELP and TYPE lines (checked against {@code internal/store/pod.go}), the opt-in
 * {@code kube_pod_nodeselectors} enabled and the {@code app} label allowlisted.
 */
class PodFullScrapeTest {

    @Test
    void deploymentReplicaAfterAnOomKillIsScrapedAsKubeStateMetricsWritesIt() throws IOException {
        KubeStateSettings settings = new KubeStateSettings(
                Set.of(),
                Set.of(),
                Set.of("kube_pod_nodeselectors"),
                Map.of("pods", List.of("app")),
                Map.of(),
                List.of(),
                List.of(),
                0,
                1);

        String scrape = GoldenScrape.scrape(settings, PodMetrics.RESOURCE, ExpositionFormat.TEXT, replica());

        assertThat(scrape).isEqualTo(golden("/kubestate/pod-deployment-replica.txt"));
    }

    @Test
    void agentServesPodsItIsToldOfAndForgetsDeletedOnes() {
        KubeStateMetrics metrics = KubeStateMetrics.create(KubeStateSettings.defaults());
        Pod pod = replica();

        metrics.upsert("pods", pod);
        String withPod = GoldenScrape.write(metrics, ResourceSelection.ALL, ExpositionFormat.TEXT);
        metrics.delete("pods", pod);
        String afterDelete = GoldenScrape.write(metrics, ResourceSelection.ALL, ExpositionFormat.TEXT);

        assertThat(withPod)
                .contains("kube_pod_status_phase{namespace=\"shop\",pod=\"web-7d9f8b6c5d-x2x4q\","
                        + "uid=\"5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b\",phase=\"Running\"} 1\n");
        assertThat(afterDelete).doesNotContain("kube_pod_");
    }

    /** A running web replica, its migration init container done, its app container restarted after an OOM kill. */
    private static Pod replica() {
        return pod("shop", "web-7d9f8b6c5d-x2x4q", "5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b")
                .editMetadata()
                .withCreationTimestamp("2024-03-01T10:00:00Z")
                .withLabels(Map.of("app", "web", "pod-template-hash", "7d9f8b6c5d"))
                .addNewOwnerReference()
                .withApiVersion("apps/v1")
                .withKind("ReplicaSet")
                .withName("web-7d9f8b6c5d")
                .withUid("0a1b2c3d")
                .withController(true)
                .withBlockOwnerDeletion(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withNodeName("node-1")
                .withRestartPolicy("Always")
                .withSchedulerName("default-scheduler")
                .withServiceAccountName("web")
                .withNodeSelector(Map.of("kubernetes.io/os", "linux"))
                .addNewToleration()
                .withKey("node.kubernetes.io/not-ready")
                .withOperator("Exists")
                .withEffect("NoExecute")
                .withTolerationSeconds(300L)
                .endToleration()
                .addNewInitContainer()
                .withName("migrate")
                .withImage("registry.example/web:1.4")
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("100m")))
                .endResources()
                .endInitContainer()
                .addNewContainer()
                .withName("web")
                .withImage("registry.example/web:1.4")
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("256Mi")))
                .withLimits(Map.of("memory", new Quantity("512Mi")))
                .endResources()
                .endContainer()
                .addNewVolume()
                .withName("data")
                .withNewPersistentVolumeClaim()
                .withClaimName("web-data")
                .endPersistentVolumeClaim()
                .endVolume()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withQosClass("Burstable")
                .withHostIP("10.0.0.11")
                .withPodIP("10.244.1.17")
                .addNewPodIP("10.244.1.17")
                .withStartTime("2024-03-01T10:00:01Z")
                .addNewCondition()
                .withType("Initialized")
                .withStatus("True")
                .withLastTransitionTime("2024-03-01T10:00:09Z")
                .endCondition()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withLastTransitionTime("2024-03-01T10:00:20Z")
                .endCondition()
                .addNewCondition()
                .withType("ContainersReady")
                .withStatus("True")
                .withLastTransitionTime("2024-03-01T10:00:20Z")
                .endCondition()
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("True")
                .withLastTransitionTime("2024-03-01T10:00:00Z")
                .endCondition()
                .addNewInitContainerStatus()
                .withName("migrate")
                .withImage("registry.example/web:1.4")
                .withImageID("registry.example/web@sha256:1111")
                .withContainerID("containerd://aaaa")
                .withReady(true)
                .withRestartCount(0)
                .withNewState()
                .withNewTerminated()
                .withReason("Completed")
                .withExitCode(0)
                .withStartedAt("2024-03-01T10:00:02Z")
                .withFinishedAt("2024-03-01T10:00:08Z")
                .endTerminated()
                .endState()
                .endInitContainerStatus()
                .addNewContainerStatus()
                .withName("web")
                .withImage("registry.example/web:1.4")
                .withImageID("registry.example/web@sha256:1111")
                .withContainerID("containerd://bbbb")
                .withReady(true)
                .withRestartCount(2)
                .withNewState()
                .withNewRunning()
                .withStartedAt("2024-03-01T10:05:00Z")
                .endRunning()
                .endState()
                .withNewLastState()
                .withNewTerminated()
                .withReason("OOMKilled")
                .withExitCode(137)
                .withStartedAt("2024-03-01T10:00:10Z")
                .withFinishedAt("2024-03-01T10:04:59Z")
                .endTerminated()
                .endLastState()
                .endContainerStatus()
                .endStatus()
                .build();
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = PodFullScrapeTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
