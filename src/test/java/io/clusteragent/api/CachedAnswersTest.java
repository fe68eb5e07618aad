package io.clusteragent.api;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.InMemoryClusterState;
import io.clusteragent.testing.ClusterStates;
import io.clusteragent.testing.ForwardingClusterState;
import io.clusteragent.testing.TestServer;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers are reused only while the state they came from is current; any change shows in the next answer. */
class CachedAnswersTest {

    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aChangeInTheNamespaceShowsInTheNextAnswer() {
        Versioned cluster = new Versioned(InMemoryClusterState.of(pod(1)));
        server = TestServer.start(cluster.proxy());
        assertThat(restarts(server.get("/api/v1/pods/shop/web-1/describe").bodyAsJsonObject()))
                .isEqualTo(1);

        cluster.replace(InMemoryClusterState.of(pod(9)), 1);

        assertThat(restarts(server.get("/api/v1/pods/shop/web-1/describe").bodyAsJsonObject()))
                .isEqualTo(9);
    }

    @Test
    void anUnchangedStateIsAnsweredFromTheCacheWithFreshMetadata() {
        Versioned cluster = new Versioned(InMemoryClusterState.of(pod(1)));
        server = TestServer.start(cluster.proxy());
        JsonObject first = server.get("/api/v1/pods/shop/web-1/describe").bodyAsJsonObject();

        // The objects change but the version does not: only a cached answer can still say 1.
        cluster.replace(InMemoryClusterState.of(pod(9)), 0);
        JsonObject second = server.get("/api/v1/pods/shop/web-1/describe").bodyAsJsonObject();

        assertThat(restarts(second)).isEqualTo(1);
        assertThat(second.getJsonObject("metadata").getString("requestId"))
                .isNotEqualTo(first.getJsonObject("metadata").getString("requestId"));
    }

    @Test
    void cacheSizeZeroAlwaysAnalyzesAgain() {
        Versioned cluster = new Versioned(InMemoryClusterState.of(pod(1)));
        server = TestServer.start(cluster.proxy(), Map.of("RESPONSE_CACHE_SIZE", "0"));
        server.get("/api/v1/pods/shop/web-1/describe");

        cluster.replace(InMemoryClusterState.of(pod(9)), 0);

        assertThat(restarts(server.get("/api/v1/pods/shop/web-1/describe").bodyAsJsonObject()))
                .isEqualTo(9);
    }

    @Test
    void requestsArrivingDuringAnAnalysisShareIt() throws Exception {
        AtomicInteger analyses = new AtomicInteger();
        ClusterState state = InMemoryClusterState.of(pod(1));
        ClusterState slowCounting = new ForwardingClusterState(ClusterStates.slow(state, 200)) {
            @Override
            public Optional<Pod> pod(String namespace, String name) {
                analyses.incrementAndGet();
                return super.pod(namespace, name);
            }
        };
        server = TestServer.start(slowCounting);
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                responses.add(clients.submit(() -> server.get("/api/v1/pods/shop/web-1/describe")));
            }
            for (Future<HttpResponse<Buffer>> response : responses) {
                assertThat(restarts(response.get().bodyAsJsonObject())).isEqualTo(1);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(analyses)
                .as("ten concurrent requests for one answer, analyzed once")
                .hasValue(1);
    }

    /** A namespace that has a pod and a question any spelling of whose path must be analyzed once. */
    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of(
                        "/api/v1/namespace/shop/error",
                        List.of(
                                "/api/v1/./namespace/shop/error",
                                "//api/v1/namespace/shop/error",
                                "/api/v1/namespace/sho%70/error",
                                "/api/v1/namespace/shop/./error",
                                "/api/v1/x/../namespace/shop/error",
                                "/api/v1/namespace/%73hop/error")),
                Arguments.of(
                        "/api/v1/pods/shop/web-1/describe",
                        List.of(
                                "/api/v1/pods/shop/web%2D1/describe",
                                "/api/v1//pods/shop/web-1/describe",
                                "/api/v1/pods/./shop/web-1/describe",
                                "/api/%761/pods/shop/web-1/describe")));
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void everySpellingOfAPathAsksTheSameQuestion(String path, List<String> spellings) {
        AtomicInteger lookups = new AtomicInteger();
        ClusterState state = InMemoryClusterState.of(
                new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .build(),
                pod(3));
        // Only an analysis looks the pod or the namespace up; the version and the readiness gate read other methods.
        server = TestServer.start(new ForwardingClusterState(state) {
            @Override
            public Optional<Pod> pod(String namespace, String name) {
                lookups.incrementAndGet();
                return super.pod(namespace, name);
            }

            @Override
            public Optional<Namespace> namespace(String name) {
                lookups.incrementAndGet();
                return super.namespace(name);
            }
        });
        JsonObject first = server.get(path).bodyAsJsonObject();
        int oneAnalysis = lookups.get();

        for (String spelling : spellings) {
            HttpResponse<Buffer> response = server.get(spelling);
            assertThat(response.statusCode()).as("status of %s", spelling).isEqualTo(200);
            assertThat(response.bodyAsJsonObject().getJsonObject("data"))
                    .as("answer to %s", spelling)
                    .isEqualTo(first.getJsonObject("data"));
        }

        assertThat(oneAnalysis).isPositive();
        assertThat(lookups)
                .as("lookups after %d spellings of %s", spellings.size(), path)
                .hasValue(oneAnalysis);
    }

    private static int restarts(JsonObject body) {
        return body.getJsonObject("data")
                .getJsonArray("containers")
                .getJsonObject(0)
                .getInteger("restartCount");
    }

    private static Pod pod(int restarts) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("web-1")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withNodeName("node-a")
                .addNewContainer()
                .withName("app")
                .withImage("nginx")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .addNewContainerStatus()
                .withName("app")
                .withRestartCount(restarts)
                .endContainerStatus()
                .endStatus()
                .build();
    }

    /** A cluster whose objects and version the test moves, as informer updates would. */
    private static final class Versioned {
        private final AtomicReference<ClusterState> current;
        private volatile long version;

        Versioned(ClusterState initial) {
            current = new AtomicReference<>(initial);
        }

        void replace(ClusterState next, long nextVersion) {
            current.set(next);
            version = nextVersion;
        }

        ClusterState proxy() {
            return new ForwardingClusterState(current.get()) {
                @Override
                protected ClusterState delegate() {
                    return current.get();
                }

                @Override
                public long version() {
                    return version;
                }

                @Override
                public long namespaceVersion(String namespace) {
                    return version;
                }
            };
        }
    }
}
