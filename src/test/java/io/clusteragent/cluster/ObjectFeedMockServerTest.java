package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PartialObjectMetadata;
import io.fabric8.kubernetes.api.model.PartialObjectMetadataList;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/** The listener of kube-state metrics is told of every object of the resources it covers, and only those are watched for it. */
@EnableKubernetesMockClient(crud = true)
@ExtendWith(VertxExtension.class)
class ObjectFeedMockServerTest {

    private static final Duration CONVERGED = Duration.ofSeconds(10);

    KubernetesClient mockClient;
    KubernetesMockServer server;

    private final RecordingListener listener = new RecordingListener();
    private final List<RecordedRequest> received = new ArrayList<>();
    private KubernetesClient client;
    private LiveCluster live;

    @BeforeEach
    void seedTheApiServer() {
        mockClient
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .build())
                .create();
        mockClient
                .services()
                .inNamespace("shop")
                .resource(service("web", "10.0.0.1"))
                .create();
        mockClient
                .pods()
                .inNamespace("shop")
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("web-1")
                        .endMetadata()
                        .build())
                .create();
    }

    @AfterEach
    void close() {
        if (live != null) {
            live.close();
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    void theObjectsOfTheInitialListReachTheListenerOnceSynced(Vertx vertx) throws Exception {
        start(vertx, Set.of(WatchedResource.SERVICES, WatchedResource.NAMESPACES));

        assertThat(listener.lines()).containsExactlyInAnyOrder("upsert services shop/web", "upsert namespaces shop");
    }

    @Test
    void servicesCronJobsAndLeasesCreatedChangedAndDeletedReachTheListener(Vertx vertx) throws Exception {
        start(vertx, Set.of(WatchedResource.SERVICES, WatchedResource.CRON_JOBS, WatchedResource.LEASES));

        mockClient
                .batch()
                .v1()
                .cronjobs()
                .inNamespace("shop")
                .resource(cronJob("nightly"))
                .create();
        mockClient.leases().inNamespace("shop").resource(lease("lock")).create();
        mockClient
                .services()
                .inNamespace("shop")
                .resource(service("web", "10.0.0.2"))
                .update();
        assertWithin(
                CONVERGED,
                () -> assertThat(listener.lines())
                        .containsSubsequence("upsert services shop/web", "upsert services shop/web")
                        .contains("upsert cronjobs shop/nightly", "upsert leases shop/lock"));
        assertThat(listener.calls())
                .filteredOn(call -> call.resource() == WatchedResource.SERVICES)
                .last()
                .satisfies(call -> assertThat(call.object())
                        .isInstanceOfSatisfying(
                                io.fabric8.kubernetes.api.model.Service.class,
                                s -> assertThat(s.getSpec().getClusterIP()).isEqualTo("10.0.0.2")));

        mockClient
                .batch()
                .v1()
                .cronjobs()
                .inNamespace("shop")
                .withName("nightly")
                .delete();
        mockClient.leases().inNamespace("shop").withName("lock").delete();
        mockClient.services().inNamespace("shop").withName("web").delete();
        assertWithin(
                CONVERGED,
                () -> assertThat(listener.lines())
                        .contains(
                                "delete cronjobs shop/nightly", "delete leases shop/lock", "delete services shop/web"));
    }

    @Test
    void aResourceTheListenerCoversThatTheApiReadsIsWatchedOnceAndFeedsBoth(Vertx vertx) throws Exception {
        start(vertx, Set.of(WatchedResource.PODS));

        mockClient
                .pods()
                .inNamespace("shop")
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("web-2")
                        .endMetadata()
                        .build())
                .create();
        assertWithin(CONVERGED, () -> {
            assertThat(listener.lines()).containsExactly("upsert pods shop/web-1", "upsert pods shop/web-2");
            assertThat(live.state().pod("shop", "web-2")).isPresent();
        });
        assertThat(collectionRequests("/api/v1/pods")).hasSize(2); // one list, one watch
    }

    @Test
    void aResourceNoOneReadsIsNeitherListedNorWatched(Vertx vertx) throws Exception {
        start(vertx, Set.of(WatchedResource.SERVICES));

        assertThat(collectionRequests("/apis/batch/v1/cronjobs")).isEmpty();
        assertThat(collectionRequests("/apis/coordination.k8s.io/v1/leases")).isEmpty();
        assertThat(collectionRequests("/api/v1/services")).isNotEmpty();
        assertThat(listener.lines()).containsExactly("upsert services shop/web");
    }

    @Test
    void withoutAListenerOnlyWhatTheApiReadsIsWatched(Vertx vertx) throws Exception {
        client = agentClient(vertx);
        live = LiveCluster.using(vertx, client, Clock.systemUTC(), Duration.ofMinutes(10));
        sync();

        assertThat(collectionRequests("/api/v1/services")).isEmpty();
        assertThat(live.state().syncStatus()).doesNotContainKeys("services", "secrets", "configmaps");
    }

    /**
     * The mock API server ignores the Accept header and answers with the whole Secret; a real one
     * answers with its metadata alone. Either way the listener never sees a value. (The mock watches
     * over WebSockets only, so the client is the agent's but for its plain-HTTP watches.)
     */
    @Test
    void secretsAreAskedForAsMetadataOnlyAndReachTheListenerWithoutTheirValues(Vertx vertx) throws Exception {
        mockClient.secrets().inNamespace("shop").resource(secret("db-password")).create();
        client = new KubernetesClientBuilder()
                .withConfig(mockClient.getConfiguration())
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .withHttpClientBuilderConsumer(builder ->
                        builder.addOrReplaceInterceptor(MetadataOnlyRequests.NAME, new MetadataOnlyRequests()))
                .build();
        live = LiveCluster.using(
                vertx,
                client,
                Clock.systemUTC(),
                Duration.ofMinutes(10),
                new ObjectFeed(Set.of(WatchedResource.SECRETS), listener));
        sync();
        mockClient.secrets().inNamespace("shop").resource(secret("api-token")).create();

        assertWithin(
                CONVERGED,
                () -> assertThat(listener.lines())
                        .containsExactly("upsert secrets shop/db-password", "upsert secrets shop/api-token"));
        assertThat(listener.calls()).allSatisfy(call -> {
            Secret secret = (Secret) call.object();
            assertThat(secret.getData()).isNull();
            assertThat(secret.getStringData()).isNull();
            assertThat(secret.getMetadata().getLabels()).containsEntry("app", "db");
        });
        List<RecordedRequest> requests = collectionRequests("/api/v1/secrets");
        assertThat(requests)
                .extracting(r -> r.getPath().contains("watch=true"), r -> r.getHeader("Accept"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(false, MetadataOnlyRequests.LIST),
                        org.assertj.core.groups.Tuple.tuple(true, MetadataOnlyRequests.WATCH));
    }

    /**
     * What a real API server answers to the Accept header the agent sets: the list as a
     * PartialObjectMetadataList. Its items become Secrets with their metadata alone. (Watch events
     * carrying PartialObjectMetadata are converted to the informer's type by fabric8's watch manager;
     * the mock's scripted WebSocket events do not reach an informer in CRUD mode, so only the list is
     * shown here.)
     */
    @Test
    void secretsListedAsPartialObjectMetadataReachTheListenerAsSecrets(Vertx vertx) throws Exception {
        PartialObjectMetadataList list = new PartialObjectMetadataList();
        list.setMetadata(new ListMetaBuilder().withResourceVersion("7").build());
        list.setItems(List.of(metadataOf("db-password")));
        server.expect()
                .get()
                .withPath("/api/v1/secrets?resourceVersion=0")
                .andReturn(200, list)
                .always();

        start(vertx, Set.of(WatchedResource.SECRETS));

        assertThat(listener.lines()).containsExactly("upsert secrets shop/db-password");
        assertThat(listener.calls().get(0).object()).isInstanceOfSatisfying(Secret.class, secret -> {
            assertThat(secret.getKind()).isEqualTo("Secret");
            assertThat(secret.getApiVersion()).isEqualTo("v1");
            assertThat(secret.getMetadata().getLabels()).containsEntry("app", "db");
            assertThat(secret.getData()).isNull();
        });
    }

    private static PartialObjectMetadata metadataOf(String name) {
        PartialObjectMetadata metadata = new PartialObjectMetadata();
        metadata.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace("shop")
                .withUid(name + "-uid")
                .withResourceVersion("8")
                .withLabels(Map.of("app", "db"))
                .build());
        return metadata;
    }

    private void start(Vertx vertx, Set<WatchedResource> covered) throws Exception {
        client = agentClient(vertx);
        live = LiveCluster.using(
                vertx, client, Clock.systemUTC(), Duration.ofMinutes(10), new ObjectFeed(covered, listener));
        sync();
    }

    /** The agent's own transport on the test's Vertx, as in production. */
    private KubernetesClient agentClient(Vertx vertx) {
        return new KubernetesClientBuilder()
                .withConfig(mockClient.getConfiguration())
                .withHttpClientFactory(new VertxHttpClientFactory(vertx))
                .build();
    }

    private void sync() throws Exception {
        live.awaitSynced(Duration.ofSeconds(20))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    /** The requests so far for a collection of all namespaces: the informers' lists and watches. */
    private List<RecordedRequest> collectionRequests(String collection) throws InterruptedException {
        RecordedRequest request;
        while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            received.add(request);
        }
        return received.stream()
                .filter(r -> r.getPath().equals(collection) || r.getPath().startsWith(collection + "?"))
                .toList();
    }

    private static io.fabric8.kubernetes.api.model.Service service(String name, String clusterIp) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withClusterIP(clusterIp)
                .endSpec()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.batch.v1.CronJob cronJob(String name) {
        return new CronJobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withSchedule("0 3 * * *")
                .endSpec()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.coordination.v1.Lease lease(String name) {
        return new LeaseBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity("web-1")
                .endSpec()
                .build();
    }

    private static Secret secret(String name) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .withLabels(Map.of("app", "db"))
                .endMetadata()
                .withType("Opaque")
                .addToData("password", "aHVudGVyMg==")
                .addToStringData("user", "admin")
                .build();
    }
}
