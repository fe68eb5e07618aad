package io.clusteragent.api;

import io.clusteragent.cluster.LiveCluster;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.testing.Polling;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API over informers fed by a CRUD mock API server: readiness follows the sync, and what is
 * changed through the Kubernetes API shows up in the next responses.
 */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(VertxExtension.class)
class LiveApiMockServerTest {

    private static final String NAMESPACE = "shop";
    private static final String POD = "web-5d8f7c9b6-x2k4q";
    private static final String REPLICA_SET = "web-5d8f7c9b6";
    private static final String DEPLOYMENT = "web";
    private static final String DESCRIBE = "/api/v1/pods/shop/" + POD + "/describe";
    private static final String FAILURE_EVENTS = "/api/v1/pods/shop/" + POD + "/failure-events";
    private static final String NAMESPACE_ERRORS = "/api/v1/namespace/shop/error";
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CONVERGES_WITHIN = Duration.ofSeconds(10);

    KubernetesClient mockClient;

    private Vertx vertx;
    private KubernetesClient client;
    private LiveCluster live;
    private WebClient web;

    @BeforeEach
    void seedTheApiServer(Vertx vertx) {
        this.vertx = vertx;
        Instant now = Instant.now();
        mockClient
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NAMESPACE)
                        .endMetadata()
                        .build())
                .create();
        mockClient
                .nodes()
                .resource(new NodeBuilder()
                        .withNewMetadata()
                        .withName("node-a")
                        .endMetadata()
                        .withNewStatus()
                        .addToAllocatable(Map.of(
                                "cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110")))
                        .addToCapacity(Map.of(
                                "cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110")))
                        .addNewCondition()
                        .withType("Ready")
                        .withStatus("True")
                        .withReason("KubeletReady")
                        .endCondition()
                        .endStatus()
                        .build())
                .create();
        Deployment deployment = mockClient
                .apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName(DEPLOYMENT)
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(1)
                        .withNewSelector()
                        .addToMatchLabels("app", "web")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "web")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("app")
                        .withImage("shop/web:1.4")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
        ReplicaSet replicaSet = mockClient
                .apps()
                .replicaSets()
                .inNamespace(NAMESPACE)
                .resource(new ReplicaSetBuilder()
                        .withNewMetadata()
                        .withName(REPLICA_SET)
                        .withNamespace(NAMESPACE)
                        .addToLabels(Map.of("app", "web", "pod-template-hash", "5d8f7c9b6"))
                        .withOwnerReferences(controller(deployment))
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(1)
                        .withNewSelector()
                        .addToMatchLabels("app", "web")
                        .endSelector()
                        .endSpec()
                        .build())
                .create();
        Pod pod = mockClient
                .pods()
                .inNamespace(NAMESPACE)
                .resource(restartingPod(replicaSet, now))
                .create();
        mockClient
                .v1()
                .events()
                .inNamespace(NAMESPACE)
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withName(POD + ".17a2b3c4d5e6f708")
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withNewInvolvedObject()
                        .withKind("Pod")
                        .withNamespace(NAMESPACE)
                        .withName(POD)
                        .withUid(pod.getMetadata().getUid())
                        .withFieldPath("spec.containers{app}")
                        .endInvolvedObject()
                        .withType("Warning")
                        .withReason("BackOff")
                        .withMessage("Back-off restarting failed container app in pod " + POD)
                        .withCount(12)
                        .withFirstTimestamp(now.minus(10, ChronoUnit.MINUTES).toString())
                        .withLastTimestamp(now.minus(1, ChronoUnit.MINUTES).toString())
                        .withNewSource()
                        .withComponent("kubelet")
                        .withHost("node-a")
                        .endSource()
                        .build())
                .create();

        // The agent's own transport on the test's Vertx, as in production.
        client = new KubernetesClientBuilder()
                .withConfig(mockClient.getConfiguration())
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .build();
        live = LiveCluster.using(vertx, client, Clock.systemUTC(), Duration.ofMillis(200));
        web = WebClient.create(vertx);
    }

    @AfterEach
    void close() {
        web.close();
        live.close();
        client.close();
    }

    @Test
    void apiAnswers503AndReadinessFailsUntilTheInformersHaveSynced(VertxTestContext testContext) {
        serve().compose(port -> get(port, "/readyz")
                        .compose(ready -> get(port, DESCRIBE).map(api -> {
                            assertThat(ready.statusCode()).isEqualTo(503);
                            assertThat(ready.bodyAsString()).contains("pods").contains("not synced");
                            assertThat(api.statusCode()).isEqualTo(503);
                            assertThat(error(api).getString("code")).isEqualTo("SERVICE_UNAVAILABLE");
                            assertThat(error(api).getString("details"))
                                    .startsWith("the cluster cache is still syncing: ")
                                    .contains("pods");
                            return port;
                        })))
                .compose(port -> live.awaitSynced(SYNC_TIMEOUT).map(port))
                .compose(port -> get(port, "/readyz")
                        .compose(ready -> get(port, DESCRIBE).map(api -> {
                            assertThat(ready.statusCode()).isEqualTo(200);
                            assertThat(ready.bodyAsJsonObject().getString("status"))
                                    .isEqualTo("UP");
                            assertThat(api.statusCode()).isEqualTo(200);
                            return api;
                        })))
                .onComplete(testContext.succeedingThenComplete());
    }

    @Test
    void describeShowsThePodFromTheInformerCache(VertxTestContext testContext) {
        expect(testContext, synced().compose(port -> get(port, DESCRIBE)), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject pod = data(response);
            assertThat(pod.getString("name")).isEqualTo(POD);
            assertThat(pod.getString("namespace")).isEqualTo(NAMESPACE);
            assertThat(pod.getString("node")).isEqualTo("node-a");
            assertThat(pod.getJsonArray("ownerReferences").getJsonObject(0).getMap())
                    .containsEntry("kind", "ReplicaSet")
                    .containsEntry("name", REPLICA_SET)
                    .containsEntry("controller", true);
            assertThat(firstContainer(pod).getInteger("restartCount")).isEqualTo(6);
            assertThat(pod.getJsonArray("events").getJsonObject(0).getString("reason"))
                    .isEqualTo("BackOff");
        });
    }

    @Test
    void failureEventsCategorizeTheBackOffEventAsAContainerCrash(VertxTestContext testContext) {
        expect(testContext, synced().compose(port -> get(port, FAILURE_EVENTS)), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject report = data(response);
            JsonObject backOff = report.getJsonArray("failureEvents").getJsonObject(0);
            assertThat(backOff.getString("reason")).isEqualTo("BackOff");
            assertThat(backOff.getString("category")).isEqualTo("ContainerCrash");
            assertThat(backOff.getString("involvedContainer")).isEqualTo("app");
            assertThat(backOff.getInteger("count")).isEqualTo(12);
            assertThat(report.getJsonObject("eventCategories").getMap()).containsEntry("ContainerCrash", 1);
        });
    }

    @Test
    void namespaceErrorsNameTheDeploymentThatOwnsTheRestartingPod(VertxTestContext testContext) {
        expect(testContext, synced().compose(port -> get(port, NAMESPACE_ERRORS)), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject report = data(response);
            assertThat(report.getInteger("totalPodsAnalyzed")).isEqualTo(1);
            JsonObject pod = report.getJsonArray("problematicPods").getJsonObject(0);
            assertThat(pod.getString("name")).isEqualTo(POD);
            assertThat(pod.getString("ownerKind")).isEqualTo("Deployment");
            assertThat(pod.getString("ownerName")).isEqualTo(DEPLOYMENT);
            assertThat(issueTypes(pod)).containsExactly("HighRestarts");
            assertThat(pod.getJsonArray("recentEvents").getJsonObject(0).getString("reason"))
                    .isEqualTo("BackOff");
        });
    }

    @Test
    void aPodStatusChangedThroughTheApiShowsInTheNextResponses(VertxTestContext testContext) {
        Future<HttpResponse<Buffer>> changed = synced().compose(port -> blocking(() -> mockClient
                        .pods()
                        .inNamespace(NAMESPACE)
                        .withName(POD)
                        .editStatus(LiveApiMockServerTest::crashLooping))
                .compose(edited -> eventually(port, DESCRIBE, describe -> {
                    JsonObject app = firstContainer(data(describe));
                    assertThat(app.getInteger("restartCount")).isEqualTo(9);
                    assertThat(app.getJsonObject("state")
                                    .getJsonObject("waiting")
                                    .getString("reason"))
                            .isEqualTo("CrashLoopBackOff");
                }))
                .compose(describe -> get(port, FAILURE_EVENTS))
                .compose(failureEvents -> {
                    assertThat(data(failureEvents).getString("podStatus")).isEqualTo("CrashLoopBackOff");
                    return get(port, NAMESPACE_ERRORS);
                }));

        expect(testContext, changed, namespaceErrors -> {
            JsonObject pod =
                    data(namespaceErrors).getJsonArray("problematicPods").getJsonObject(0);
            assertThat(pod.getString("ownerName")).isEqualTo(DEPLOYMENT);
            assertThat(pod.getInteger("restartCount")).isEqualTo(9);
            assertThat(pod.getString("status")).isEqualTo("CrashLoopBackOff");
            assertThat(issueTypes(pod)).containsExactlyInAnyOrder("HighRestarts", "CrashLoopBackOff");
        });
    }

    @Test
    void aPodDeletedThroughTheApiIs404(VertxTestContext testContext) {
        Future<HttpResponse<Buffer>> deleted = synced().compose(port -> get(port, DESCRIBE)
                .compose(before -> {
                    assertThat(before.statusCode()).isEqualTo(200);
                    return blocking(() -> mockClient
                            .pods()
                            .inNamespace(NAMESPACE)
                            .withName(POD)
                            .delete());
                })
                .compose(gone -> eventually(
                        port,
                        DESCRIBE,
                        describe -> assertThat(describe.statusCode()).isEqualTo(404))));

        expect(testContext, deleted, response -> {
            assertThat(error(response).getString("code")).isEqualTo("RESOURCE_NOT_FOUND");
            assertThat(error(response).getString("details"))
                    .isEqualTo("Pod '" + POD + "' not found in namespace 'shop'");
        });
    }

    /** Deploys the API over the live state, which has not started syncing yet. */
    private Future<Integer> serve() {
        ApiVerticle api =
                new ApiVerticle(AgentConfig.fromMap(Map.of(), List.of("--port", "0")), live.state(), Clock.systemUTC());
        return vertx.deployVerticle(api).map(deployed -> api.port());
    }

    private Future<Integer> synced() {
        return serve().compose(port -> live.awaitSynced(SYNC_TIMEOUT).map(port));
    }

    private Future<HttpResponse<Buffer>> get(int port, String path) {
        return web.get(port, "localhost", path).send();
    }

    /** The mock client blocks, so calls to it go to a worker rather than the event loop. */
    private <T> Future<T> blocking(Supplier<T> call) {
        return vertx.executeBlocking(call::get, false);
    }

    private Future<HttpResponse<Buffer>> eventually(int port, String path, Consumer<HttpResponse<Buffer>> assertion) {
        return Polling.until(vertx, CONVERGES_WITHIN, () -> get(port, path), assertion);
    }

    private static <T> void expect(VertxTestContext testContext, Future<T> future, Consumer<T> assertions) {
        future.onComplete(testContext.succeeding(value -> testContext.verify(() -> {
            assertions.accept(value);
            testContext.completeNow();
        })));
    }

    private static Pod restartingPod(ReplicaSet owner, Instant now) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(POD)
                .withNamespace(NAMESPACE)
                .addToLabels(Map.of("app", "web", "pod-template-hash", "5d8f7c9b6"))
                .withOwnerReferences(controller(owner))
                .endMetadata()
                .withNewSpec()
                .withNodeName("node-a")
                .addNewContainer()
                .withName("app")
                .withImage("shop/web:1.4")
                .withNewResources()
                .addToRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("256Mi")))
                .endResources()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withContainerStatuses(new ContainerStatusBuilder()
                        .withName("app")
                        .withImage("shop/web:1.4")
                        .withReady(true)
                        .withStarted(true)
                        .withRestartCount(6)
                        .withNewState()
                        .withNewRunning()
                        .withStartedAt(now.minus(1, ChronoUnit.MINUTES).toString())
                        .endRunning()
                        .endState()
                        .withNewLastState()
                        .withNewTerminated()
                        .withExitCode(1)
                        .withReason("Error")
                        .withFinishedAt(now.minus(2, ChronoUnit.MINUTES).toString())
                        .endTerminated()
                        .endLastState()
                        .build())
                .endStatus()
                .build();
    }

    private static Pod crashLooping(Pod pod) {
        return new PodBuilder(pod)
                .editStatus()
                .withContainerStatuses(new ContainerStatusBuilder(
                                pod.getStatus().getContainerStatuses().get(0))
                        .withReady(false)
                        .withStarted(false)
                        .withRestartCount(9)
                        .withNewState()
                        .withNewWaiting()
                        .withReason("CrashLoopBackOff")
                        .withMessage("back-off 5m0s restarting failed container=app pod=" + POD)
                        .endWaiting()
                        .endState()
                        .build())
                .endStatus()
                .build();
    }

    private static OwnerReference controller(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .build();
    }

    private static JsonObject data(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject().getJsonObject("data");
    }

    private static JsonObject error(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getJsonObject("error");
    }

    private static JsonObject firstContainer(JsonObject describedPod) {
        return describedPod.getJsonArray("containers").getJsonObject(0);
    }

    private static List<String> issueTypes(JsonObject problematicPod) {
        JsonArray issues = problematicPod.getJsonArray("issues");
        return issues.stream()
                .map(JsonObject.class::cast)
                .map(issue -> issue.getString("type"))
                .toList();
    }
}
