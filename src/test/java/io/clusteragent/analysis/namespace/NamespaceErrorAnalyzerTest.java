package io.clusteragent.analysis.namespace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusteragent.analysis.pods.Fixtures;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.InMemoryClusterState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class NamespaceErrorAnalyzerTest {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final ClusterState SHOP = InMemoryClusterState.of(Fixtures.load("/events/namespace-shop.yaml"), NOW);

    static NamespaceErrorReport shop() {
        return NamespaceErrorAnalyzer.analyze("shop", SHOP, 5, NOW);
    }

    @Test
    void onlyDeploymentAndStatefulSetPodsAreAnalyzedNotJobDaemonSetBareOrBareReplicaSetPods() {
        NamespaceErrorReport report = shop();

        assertThat(report.totalPodsAnalyzed()).isEqualTo(13);
        assertThat(report.problematicPodsCount()).isEqualTo(10);
        assertThat(report.healthyPodsCount()).isEqualTo(3);
        assertThat(report.problematicPods())
                .extracting(ProblematicPod::name)
                .doesNotContain("nightly-28571520-abcde", "node-exporter-x8k2p", "debug", "legacy-5f5f5f5f5-zz9x1");
    }

    @Test
    void ownerIsTheDeploymentBehindTheReplicaSetOrTheStatefulSet() {
        assertThat(pod("web-7d9c8b6f5-crash"))
                .extracting(ProblematicPod::ownerKind, ProblematicPod::ownerName)
                .containsExactly("Deployment", "web");
        assertThat(pod("db-0"))
                .extracting(ProblematicPod::ownerKind, ProblematicPod::ownerName)
                .containsExactly("StatefulSet", "db");
    }

    @Test
    void replicaSetMissingFromTheCacheFallsBackToThePodTemplateHash() {
        assertThat(pod("api-6b8f7c9d4-q7w2e"))
                .extracting(ProblematicPod::ownerKind, ProblematicPod::ownerName)
                .containsExactly("Deployment", "api");
    }

    @Test
    void crashLoopingContainerIsCrashLoopBackOffWithItsLastExit() {
        PodIssue issue = issue("web-7d9c8b6f5-crash", IssueType.CrashLoopBackOff);

        assertThat(issue.description()).isEqualTo("Container app is in CrashLoopBackOff state");
        assertThat(issue.severity()).isEqualTo("critical");
        assertThat(issue.details())
                .contains("back-off 5m0s restarting failed container=app", "exited with code 1 (application error)");
    }

    @Test
    void crashLoopingInitContainerIsCrashLoopBackOff() {
        PodIssue issue = issue("db-0", IssueType.CrashLoopBackOff);

        assertThat(issue.description()).isEqualTo("Init container init-permissions is in CrashLoopBackOff state");
        assertThat(issue.details())
                .endsWith(
                        "exited with code 1 (application error); chown: /var/lib/postgresql/data: Operation not permitted");
        assertThat(pod("db-0").status()).isEqualTo("Init:CrashLoopBackOff");
        assertThat(pod("db-0").issues()).extracting(PodIssue::type).doesNotContain("Pending");
    }

    @Test
    void restartsAboveThresholdAreHighRestarts() {
        PodIssue issue = issue("web-7d9c8b6f5-crash", IssueType.HighRestarts);

        assertThat(issue.description()).isEqualTo("Pod has restarted 15 times (threshold: 5)");
        assertThat(issue.details()).isEqualTo("app: 15 restarts");
    }

    @Test
    void restartsEqualToThresholdAreNotHighRestartsButOneMoreAre() {
        Pod atThreshold = deploymentPod("web-abc12-a", running("app", 3), running("proxy", 2));
        Pod aboveThreshold = deploymentPod("web-abc12-b", running("app", 3), running("proxy", 3));
        ClusterState state = InMemoryClusterState.of(atThreshold, aboveThreshold);

        NamespaceErrorReport report = NamespaceErrorAnalyzer.analyze("shop", state, 5, NOW);

        assertThat(report.problematicPods()).extracting(ProblematicPod::name).containsExactly("web-abc12-b");
        assertThat(report.restartThresholdUsed()).isEqualTo(5);
    }

    @Test
    void initContainerRestartsCountTowardsHighRestarts() {
        Pod pod = deploymentPod("web-abc12-a", running("app", 2));
        pod.getStatus().getInitContainerStatuses().add(terminated("migrate", 4, 0));

        NamespaceErrorReport report = NamespaceErrorAnalyzer.analyze("shop", InMemoryClusterState.of(pod), 5, NOW);

        assertThat(report.problematicPods()).singleElement().satisfies(p -> {
            assertThat(p.restartCount()).isEqualTo(6);
            assertThat(p.issues())
                    .extracting(PodIssue::details)
                    .containsExactly("migrate (init): 4 restarts, app: 2 restarts");
        });
    }

    @Test
    void imagePullBackOffIsImagePullError() {
        assertThat(issue("web-7d9c8b6f5-pull", IssueType.ImagePullError).details())
                .contains("Back-off pulling image");
        assertThat(pod("web-7d9c8b6f5-pull").issues())
                .extracting(PodIssue::type)
                .containsExactly("ImagePullError");
    }

    @Test
    void missingConfigMapIsCreateContainerConfigError() {
        assertThat(issue("web-7d9c8b6f5-config", IssueType.CreateContainerConfigError)
                        .details())
                .isEqualTo("configmap \"web-config\" not found");
    }

    @Test
    void lastRunKilledForMemoryIsOOMKilledWarningWithTheLimit() {
        PodIssue issue = issue("web-7d9c8b6f5-oom", IssueType.OOMKilled);

        assertThat(issue.severity()).isEqualTo("warning");
        assertThat(issue.details())
                .isEqualTo("Container app was OOMKilled (memory limit 256Mi), at 2024-05-01T11:40:00Z");
    }

    @Test
    void evictedPodIsFailed() {
        PodIssue issue = issue("web-7d9c8b6f5-evicted", IssueType.Failed);

        assertThat(issue.details()).startsWith("Evicted: The node was low on resource: memory.");
        assertThat(pod("web-7d9c8b6f5-evicted").status()).isEqualTo("Evicted");
    }

    @Test
    void insufficientResourcesAreResourceConstraints() {
        PodIssue issue = issue("web-7d9c8b6f5-cpu", IssueType.ResourceConstraints);

        assertThat(issue.description()).isEqualTo("Pod cannot be scheduled: not enough resources (pending for 20m)");
        assertThat(issue.details()).startsWith("0/3 nodes are available: 3 Insufficient cpu.");
    }

    @Test
    void otherSchedulingFailuresAreUnschedulable() {
        assertThat(issue("web-7d9c8b6f5-taint", IssueType.Unschedulable).details())
                .contains("untolerated taint");
    }

    @Test
    void scheduledPodStuckBeyondFiveMinutesIsPending() {
        PodIssue issue = issue("web-7d9c8b6f5-stuck", IssueType.Pending);

        assertThat(issue.description()).isEqualTo("Pod has been pending for 10m");
        assertThat(issue.details()).isEqualTo("app waiting: ContainerCreating");
    }

    @Test
    void podPendingForLessThanFiveMinutesIsNotReported() {
        assertThat(shop().problematicPods()).extracting(ProblematicPod::name).doesNotContain("web-7d9c8b6f5-new");
    }

    @Test
    void currentlyFailedContainerIsFailed() {
        Pod pod = deploymentPod("web-abc12-a", terminated("app", 0, 2));

        NamespaceErrorReport report = NamespaceErrorAnalyzer.analyze("shop", InMemoryClusterState.of(pod), 5, NOW);

        assertThat(report.problematicPods().get(0).issues())
                .extracting(PodIssue::type, PodIssue::description)
                .containsExactly(
                        tuple(
                                "Failed",
                                "Container app terminated: Container app exited with code 2 (invalid arguments or shell misuse)"));
    }

    @Test
    void summaryCountsEachPodOncePerIssueTypeMostAffectedFirst() {
        Pod twoCrashingContainers = deploymentPod("web-abc12-a", crashLooping("app"), crashLooping("proxy"));

        NamespaceErrorReport report =
                NamespaceErrorAnalyzer.analyze("shop", InMemoryClusterState.of(twoCrashingContainers), 5, NOW);

        assertThat(report.summary())
                .singleElement()
                .isEqualTo(
                        new IssueSummary("CrashLoopBackOff", 1, "Pods in crash loop backoff", List.of("web-abc12-a")));
        assertThat(report.criticalIssuesCount()).isEqualTo(2);

        assertThat(shop().summary())
                .first()
                .isEqualTo(new IssueSummary(
                        "CrashLoopBackOff",
                        3,
                        "Pods in crash loop backoff",
                        List.of("api-6b8f7c9d4-q7w2e", "db-0", "web-7d9c8b6f5-crash")));
        assertThat(shop().summary())
                .extracting(IssueSummary::issueType)
                .containsExactly(
                        "CrashLoopBackOff",
                        "HighRestarts",
                        "Pending",
                        "Failed",
                        "ImagePullError",
                        "ResourceConstraints",
                        "Unschedulable",
                        "OOMKilled",
                        "CreateContainerConfigError");
    }

    @Test
    void problematicPodsSortCriticalFirstThenByRestartsThenByName() {
        NamespaceErrorReport report = shop();

        assertThat(report.problematicPods())
                .extracting(ProblematicPod::name)
                .containsExactly(
                        "web-7d9c8b6f5-crash",
                        "db-0",
                        "api-6b8f7c9d4-q7w2e",
                        "web-7d9c8b6f5-config",
                        "web-7d9c8b6f5-cpu",
                        "web-7d9c8b6f5-pull",
                        "web-7d9c8b6f5-stuck",
                        "web-7d9c8b6f5-taint",
                        "web-7d9c8b6f5-oom",
                        "web-7d9c8b6f5-evicted");
        assertThat(report.criticalIssuesCount()).isEqualTo(9);
        assertThat(report.warningIssuesCount()).isEqualTo(2);
    }

    @Test
    void recentEventsAreTheNewestFiveWarningsOfTheLastHour() {
        ProblematicPod crash = pod("web-7d9c8b6f5-crash");

        assertThat(crash.recentEvents())
                .extracting(RecentEvent::reason, RecentEvent::lastTimestamp)
                .containsExactly(
                        tuple("BackOff", "2024-05-01T11:58:00Z"),
                        tuple("Unhealthy", "2024-05-01T11:57:00Z"),
                        tuple("Unhealthy", "2024-05-01T11:50:00Z"),
                        tuple("FailedMount", "2024-05-01T11:40:00Z"),
                        tuple("FailedSync", "2024-05-01T11:30:00Z"));
        assertThat(crash.recentEvents().get(0).count()).isEqualTo(50);
        assertThat(crash.age()).isEqualTo("2h30m");
        assertThat(crash.status()).isEqualTo("CrashLoopBackOff");
        assertThat(crash.phase()).isEqualTo("Running");
    }

    @Test
    void unknownNamespaceGivesAnEmptyReport() {
        NamespaceErrorReport report = NamespaceErrorAnalyzer.analyze("nowhere", SHOP, 5, NOW);

        assertThat(report.totalPodsAnalyzed()).isZero();
        assertThat(report.summary()).isEmpty();
        assertThat(report.analysisTime()).isEqualTo("2024-05-01T12:00:00Z");
    }

    @Test
    void jsonFieldNamesAreTheDocumentedOnes() {
        JsonNode json = new ObjectMapper().valueToTree(shop());

        assertThat(names(json))
                .containsExactly(
                        "namespace",
                        "analysisTime",
                        "totalPodsAnalyzed",
                        "problematicPodsCount",
                        "healthyPodsCount",
                        "restartThresholdUsed",
                        "summary",
                        "problematicPods",
                        "criticalIssuesCount",
                        "warningIssuesCount");
        assertThat(names(json.get("summary").get(0)))
                .containsExactly("issueType", "count", "description", "affectedPods");
        JsonNode pod = json.get("problematicPods").get(0);
        assertThat(names(pod))
                .containsExactly(
                        "name",
                        "namespace",
                        "ownerKind",
                        "ownerName",
                        "phase",
                        "status",
                        "restartCount",
                        "age",
                        "issues",
                        "recentEvents");
        assertThat(names(pod.get("issues").get(0))).containsExactly("type", "description", "severity", "details");
        assertThat(names(pod.get("recentEvents").get(0)))
                .containsExactly("type", "reason", "message", "lastTimestamp", "count");
    }

    static ProblematicPod pod(String name) {
        return shop().problematicPods().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static PodIssue issue(String podName, IssueType type) {
        return pod(podName).issues().stream()
                .filter(i -> i.type().equals(type.name()))
                .findFirst()
                .orElseThrow();
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A pod of Deployment "web" whose ReplicaSet is not in the state, so the name heuristic resolves it. */
    static Pod deploymentPod(String name, ContainerStatus... statuses) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .withUid("uid-" + name)
                .withCreationTimestamp("2024-05-01T10:00:00Z")
                .addToLabels("pod-template-hash", "abc12")
                .addNewOwnerReference()
                .withKind("ReplicaSet")
                .withName("web-abc12")
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withContainerStatuses(statuses)
                .endStatus()
                .build();
    }

    static ContainerStatus running(String name, int restarts) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withRestartCount(restarts)
                .withReady(true)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .build();
    }

    static ContainerStatus terminated(String name, int restarts, int exitCode) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withRestartCount(restarts)
                .withNewState()
                .withNewTerminated()
                .withExitCode(exitCode)
                .withReason(exitCode == 0 ? "Completed" : "Error")
                .endTerminated()
                .endState()
                .build();
    }

    static ContainerStatus crashLooping(String name) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withRestartCount(2)
                .withNewState()
                .withNewWaiting()
                .withReason("CrashLoopBackOff")
                .endWaiting()
                .endState()
                .build();
    }
}
