package io.clusteragent.api;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.clusteragent.auth.AccessControl;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.KubernetesAccessReviews;
import io.clusteragent.cluster.ObjectFeed;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.testing.LogCapture;
import io.clusteragent.testing.TestServer;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API with AUTH_MODE=kubernetes against a mock API server answering TokenReview and SubjectAccessReview the
 * way RBAC would: alice may read namespace shop and node worker-1, and nothing else; prometheus may scrape.
 */
@EnableKubernetesMockClient
class AccessControlMockServerTest {

    private static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
    private static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
    private static final String ALICE = "alice-token-0123456789abcdef";
    private static final String PROMETHEUS = "prometheus-token-fedcba9876543210";
    private static final String ALLOWED_POD = "/api/v1/pods/shop/payments-28wlt5pw27-jn4tz";
    private static final String DENIED_POD = "/api/v1/pods/data/postgres-0";

    private static ClusterState demo;

    KubernetesMockServer server;
    KubernetesClient client;

    private final AtomicInteger tokenReviews = new AtomicInteger();
    private final AtomicInteger accessReviews = new AtomicInteger();
    private final List<SubjectAccessReview> asked = new CopyOnWriteArrayList<>();
    private TestServer api;

    @BeforeAll
    static void load() {
        demo = new SnapshotLoader(ObjectFeed.NONE).load(Path.of("examples/demo-cluster.yaml"), TestServer.NOW);
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aCallerAllowedInOneNamespaceReadsItAndIsForbiddenTheOtherOnEveryRoute() {
        rbac();
        start(Map.of());

        for (String route : List.of("/describe", "/resources", "/scheduling", "/failure-events")) {
            assertThat(get(ALLOWED_POD + route, ALICE).statusCode()).as(route).isEqualTo(200);
            HttpResponse<Buffer> denied = get(DENIED_POD + route, ALICE);
            assertThat(denied.statusCode()).as(route).isEqualTo(403);
            assertThat(error(denied).getString("code")).isEqualTo("FORBIDDEN");
            assertThat(error(denied).getString("message"))
                    .isEqualTo("Forbidden: user \"alice\" cannot get pods \"postgres-0\" in namespace \"data\"");
            assertThat(error(denied).getString("details")).isEqualTo("alice may not read namespace data");
        }
        assertThat(get("/api/v1/namespace/shop/error", ALICE).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> namespace = get("/api/v1/namespace/data/error", ALICE);
        assertThat(namespace.statusCode()).isEqualTo(403);
        assertThat(error(namespace).getString("message")).contains("cannot list pods in namespace \"data\"");
        assertThat(get("/api/v1/nodes/worker-1/utilization", ALICE).statusCode())
                .isEqualTo(200);
        HttpResponse<Buffer> node = get("/api/v1/nodes/worker-2/utilization", ALICE);
        assertThat(node.statusCode()).isEqualTo(403);
        assertThat(error(node).getString("message"))
                .isEqualTo("Forbidden: user \"alice\" cannot get nodes \"worker-2\"");
    }

    @Test
    void eachCheckIsAskedForTheCallersWholeIdentity() {
        rbac();
        start(Map.of());

        assertThat(get("/api/v1/nodes/worker-1/utilization", ALICE).statusCode())
                .isEqualTo(200);

        assertThat(asked).hasSize(2).allSatisfy(review -> {
            assertThat(review.getSpec().getUser()).isEqualTo("alice");
            assertThat(review.getSpec().getGroups()).containsExactly("shop-readers", "system:authenticated");
            assertThat(review.getSpec().getUid()).isEqualTo("uid-alice");
            assertThat(review.getSpec().getExtra()).isEqualTo(Map.of("scopes", List.of("read")));
        });
        assertThat(asked)
                .extracting(review -> review.getSpec().getResourceAttributes())
                .extracting(
                        ResourceAttributes::getVerb,
                        ResourceAttributes::getResource,
                        ResourceAttributes::getSubresource,
                        ResourceAttributes::getName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("get", "nodes", null, "worker-1"),
                        org.assertj.core.groups.Tuple.tuple("get", "nodes", "metrics", "worker-1"));
    }

    @Test
    void withoutAnAcceptedTokenTheAnswerIs401WithAChallenge() {
        rbac();
        start(Map.of());

        HttpResponse<Buffer> none = get(ALLOWED_POD + "/describe", null);
        HttpResponse<Buffer> malformed = request(
                ALLOWED_POD + "/describe", MultiMap.caseInsensitiveMultiMap().add("Authorization", "Basic YTpi"));
        HttpResponse<Buffer> rejected = get(ALLOWED_POD + "/describe", "not-a-token-anyone-issued");

        for (HttpResponse<Buffer> response : List.of(none, malformed, rejected)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"cluster-agent\"");
            assertThat(error(response).getString("code")).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(error(rejected).getString("details")).isEqualTo("the API server did not accept the bearer token");
        assertThat(accessReviews).hasValue(0);
    }

    @Test
    void probesAreOpenAndUnknownPathsAreNotToldToStrangers() {
        rbac();
        start(Map.of());

        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
        assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/nothing-here", null).statusCode()).isEqualTo(401);
        assertThat(request(HttpMethod.DELETE, ALLOWED_POD + "/describe", null).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/nothing-here", ALICE).statusCode()).isEqualTo(404);
        assertThat(request(HttpMethod.DELETE, ALLOWED_POD + "/describe", ALICE).statusCode())
                .isEqualTo(405);
    }

    @Test
    void metricsNeedTheNonResourceUrlRule() {
        rbac();
        start(Map.of());

        assertThat(get("/metrics", PROMETHEUS).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> alice = get("/metrics", ALICE);
        assertThat(alice.statusCode()).isEqualTo(403);
        assertThat(error(alice).getString("message")).isEqualTo("Forbidden: user \"alice\" cannot get /metrics");
        assertThat(get(ALLOWED_POD + "/describe", PROMETHEUS).statusCode()).isEqualTo(403);
        assertThat(asked)
                .filteredOn(review -> review.getSpec().getNonResourceAttributes() != null)
                .extracting(
                        review -> review.getSpec().getNonResourceAttributes().getPath())
                .containsOnly("/metrics");
    }

    @Test
    void aDecisionIsReusedAndABurstCostsOneReview() throws Exception {
        rbacAnsweringAfter(300);
        start(Map.of());

        List<CompletableFuture<Integer>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(CompletableFuture.supplyAsync(
                    () -> get(ALLOWED_POD + "/describe", ALICE).statusCode()));
        }
        for (CompletableFuture<Integer> status : burst) {
            assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(get(ALLOWED_POD + "/resources", ALICE).statusCode()).isEqualTo(200);
        assertThat(get(DENIED_POD + "/describe", ALICE).statusCode()).isEqualTo(403);
        assertThat(get(DENIED_POD + "/describe", ALICE).statusCode()).isEqualTo(403);

        assertThat(tokenReviews).as("token reviews").hasValue(1);
        // get pods and list events in shop; get pods/postgres-0 in data, denied and kept (list events is asked too).
        assertThat(accessReviews).as("access reviews").hasValue(4);
    }

    @Test
    void anApiServerFailingTokenReviewsRefusesWith503NotWith401() {
        server.expect()
                .post()
                .withPath(TOKEN_REVIEWS)
                .andReturn(500, "etcd is down")
                .always();
        rbac();
        // fabric8 retries a 500 with backoff; the review timeout bounds the wait.
        start(Map.of("AUTH_REVIEW_TIMEOUT", "1s"));

        try (LogCapture log = LogCapture.everything()) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<Buffer> response = get(ALLOWED_POD + "/describe", ALICE);
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(error(response).getString("code")).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(error(response).getString("message")).isEqualTo("Authentication unavailable");
                assertThat(response.getHeader("WWW-Authenticate")).isNull();
            }
            AccessLog.flush(Duration.ofSeconds(5));

            assertThat(log.events())
                    .extracting(AccessControlMockServerTest::text)
                    .anyMatch(line -> line.contains("cannot review a bearer token"))
                    .noneMatch(line -> line.contains("token-0123456789"));
        }
        assertThat(accessReviews).hasValue(0);
    }

    @Test
    void anApiServerFailingAccessReviewsRefusesWith503NeverWith200() {
        server.expect()
                .post()
                .withPath(ACCESS_REVIEWS)
                .andReturn(500, "etcd is down")
                .always();
        rbac();
        start(Map.of("AUTH_REVIEW_TIMEOUT", "1s"));

        for (String path : List.of(ALLOWED_POD + "/describe", ALLOWED_POD + "/describe", "/metrics")) {
            HttpResponse<Buffer> response = get(path, ALICE);
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(error(response).getString("message")).isEqualTo("Authorization unavailable");
        }
    }

    @Test
    void aSlowApiServerRefusesWith503WithinTheReviewTimeout() {
        rbacAnsweringAfter(3_000);
        start(Map.of("AUTH_REVIEW_TIMEOUT", "200ms"));

        long start = System.nanoTime();
        HttpResponse<Buffer> slow = get(ALLOWED_POD + "/describe", ALICE);

        assertThat(slow.statusCode()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aCallerOverItsRateIsAnswered429WithRetryAfter() {
        rbac();
        start(Map.of("RATE_LIMIT_PER_USER", "2"));

        assertThat(get(ALLOWED_POD + "/describe", ALICE).statusCode()).isEqualTo(200);
        assertThat(get(ALLOWED_POD + "/describe", ALICE).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> third = get(ALLOWED_POD + "/describe", ALICE);

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(error(third).getString("code")).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
        assertThat(get("/metrics", PROMETHEUS).statusCode())
                .as("another caller")
                .isEqualTo(200);
    }

    @Test
    void theTokenIsNeverLoggedAndTheCallerIs() {
        rbac();
        try (LogCapture log = LogCapture.everything()) {
            start(Map.of());
            get(ALLOWED_POD + "/describe", ALICE);
            get(ALLOWED_POD + "/describe", ALICE);
            get(DENIED_POD + "/describe", ALICE);
            get("/api/v1/nothing-here", ALICE);
            get(ALLOWED_POD + "/describe", "rejected-token-0123456789");
            AccessLog.flush(Duration.ofSeconds(5));

            List<String> everything =
                    log.events().stream().map(AccessControlMockServerTest::text).toList();
            assertThat(everything).isNotEmpty().noneMatch(line -> line.contains("token-0123456789"));
            assertThat(log.events())
                    .filteredOn(event -> event.getLoggerName().equals("access"))
                    .extracting(AccessControlMockServerTest::text)
                    .anyMatch(line -> line.contains("user=alice"));
        }
    }

    private static String text(ILoggingEvent event) {
        return event.getFormattedMessage() + " " + Arrays.toString(event.getArgumentArray()) + " "
                + (event.getThrowableProxy() == null
                        ? ""
                        : event.getThrowableProxy().getMessage());
    }

    /** The mock API server as RBAC would answer for alice and prometheus. */
    private void rbac() {
        rbacAnsweringAfter(0);
    }

    private void rbacAnsweringAfter(long millis) {
        server.expect()
                .post()
                .delay(millis)
                .withPath(TOKEN_REVIEWS)
                .andReply(201, this::reviewToken)
                .always();
        server.expect()
                .post()
                .delay(millis)
                .withPath(ACCESS_REVIEWS)
                .andReply(201, this::reviewAccess)
                .always();
    }

    private TokenReview reviewToken(RecordedRequest request) {
        tokenReviews.incrementAndGet();
        TokenReview review = Serialization.unmarshal(request.getUtf8Body(), TokenReview.class);
        String token = review.getSpec().getToken();
        TokenReviewBuilder answer = new TokenReviewBuilder(review)
                .withNewStatus()
                .withAuthenticated(false)
                .endStatus();
        if (token.equals(ALICE)) {
            answer.editStatus()
                    .withAuthenticated(true)
                    .withNewUser()
                    .withUsername("alice")
                    .withGroups("shop-readers", "system:authenticated")
                    .withUid("uid-alice")
                    .withExtra(Map.of("scopes", List.of("read")))
                    .endUser()
                    .endStatus();
        } else if (token.equals(PROMETHEUS)) {
            answer.editStatus()
                    .withAuthenticated(true)
                    .withNewUser()
                    .withUsername("system:serviceaccount:monitoring:prometheus")
                    .withGroups("system:serviceaccounts", "system:authenticated")
                    .endUser()
                    .endStatus();
        }
        return answer.build();
    }

    private SubjectAccessReview reviewAccess(RecordedRequest request) {
        accessReviews.incrementAndGet();
        SubjectAccessReview review = Serialization.unmarshal(request.getUtf8Body(), SubjectAccessReview.class);
        asked.add(review);
        String user = review.getSpec().getUser();
        ResourceAttributes resource = review.getSpec().getResourceAttributes();
        boolean allowed;
        String reason = "";
        if (resource == null) {
            allowed = user.endsWith(":prometheus")
                    && review.getSpec().getNonResourceAttributes().getPath().startsWith("/metrics");
        } else if (user.equals("alice")) {
            allowed = "shop".equals(resource.getNamespace())
                    || "worker-1".equals(resource.getName()) && resource.getNamespace() == null;
            reason = allowed
                    ? ""
                    : resource.getNamespace() == null ? "" : "alice may not read namespace " + resource.getNamespace();
        } else {
            allowed = false;
        }
        return new SubjectAccessReviewBuilder(review)
                .withNewStatus()
                .withAllowed(allowed)
                .withReason(reason.isEmpty() ? null : reason)
                .endStatus()
                .build();
    }

    private void start(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("AUTH_MODE", "kubernetes");
        api = TestServer.start(
                demo,
                env,
                Optional.empty(),
                (vertx, config) ->
                        AccessControl.kubernetes(vertx, config.auth(), KubernetesAccessReviews.create(vertx, client)));
    }

    private HttpResponse<Buffer> get(String path, String token) {
        return request(HttpMethod.GET, path, token);
    }

    private HttpResponse<Buffer> request(HttpMethod method, String path, String token) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (token != null) {
            headers.add("Authorization", "Bearer " + token);
        }
        return api.request(method, path, headers);
    }

    private HttpResponse<Buffer> request(String path, MultiMap headers) {
        return api.request(HttpMethod.GET, path, headers);
    }

    private static JsonObject error(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getJsonObject("error");
    }
}
