package io.clusteragent.cluster;

import io.clusteragent.auth.AccessCheck;
import io.clusteragent.auth.AccessDecision;
import io.clusteragent.auth.AccessReviews;
import io.clusteragent.auth.Caller;
import io.clusteragent.auth.TokenReviewResult;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpecBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.List;
import java.util.Map;

/**
 * TokenReview and SubjectAccessReview, as kube-rbac-proxy and the API server's delegated authentication and
 * authorization ask them. fabric8's calls block, so they run on a worker pool of their own: a slow API server
 * then delays reviews, not analyses.
 */
public final class KubernetesAccessReviews implements AccessReviews {

    /** What the agent's ClusterRole must grant for this, as "group/resource": {@code create}, nothing else. */
    public static final List<String> RESOURCES =
            List.of("authentication.k8s.io/tokenreviews", "authorization.k8s.io/subjectaccessreviews");

    /** Reviews in flight at most; more wait for a thread, within AUTH_REVIEW_TIMEOUT. */
    private static final int POOL_SIZE = 8;

    private final KubernetesClient client;
    private final WorkerExecutor pool;

    private KubernetesAccessReviews(KubernetesClient client, WorkerExecutor pool) {
        this.client = client;
        this.pool = pool;
    }

    /** Reviews asked through {@code client}, on a worker pool of {@code vertx} shared by every caller. */
    public static KubernetesAccessReviews create(Vertx vertx, KubernetesClient client) {
        return new KubernetesAccessReviews(client, vertx.createSharedWorkerExecutor("access-review-pool", POOL_SIZE));
    }

    @Override
    public Future<TokenReviewResult> reviewToken(String token, List<String> audiences) {
        TokenReview review = new TokenReviewBuilder()
                .withNewSpec()
                .withToken(token)
                .withAudiences(audiences.isEmpty() ? null : audiences)
                .endSpec()
                .build();
        return pool.executeBlocking(
                () -> result(client.authentication()
                        .v1()
                        .tokenReviews()
                        .create(review)
                        .getStatus()),
                false);
    }

    private static TokenReviewResult result(TokenReviewStatus status) {
        if (status == null || !Boolean.TRUE.equals(status.getAuthenticated()) || status.getUser() == null) {
            return TokenReviewResult.rejected();
        }
        UserInfo user = status.getUser();
        return TokenReviewResult.accepted(
                new Caller(
                        user.getUsername(),
                        user.getGroups() == null ? List.of() : user.getGroups(),
                        user.getUid(),
                        user.getExtra() == null ? Map.of() : user.getExtra()),
                status.getAudiences() == null ? List.of() : status.getAudiences());
    }

    @Override
    public Future<AccessDecision> review(Caller caller, AccessCheck check) {
        SubjectAccessReviewSpecBuilder spec = new SubjectAccessReviewSpecBuilder()
                .withUser(caller.user())
                .withGroups(caller.groups())
                .withUid(caller.uid().isEmpty() ? null : caller.uid())
                .withExtra(caller.extra().isEmpty() ? null : caller.extra());
        if (check.isResource()) {
            spec.withNewResourceAttributes()
                    .withVerb(check.verb())
                    .withGroup(check.group())
                    .withResource(check.resource())
                    .withSubresource(orNull(check.subresource()))
                    .withNamespace(orNull(check.namespace()))
                    .withName(orNull(check.name()))
                    .endResourceAttributes();
        } else {
            spec.withNewNonResourceAttributes()
                    .withVerb(check.verb())
                    .withPath(check.path())
                    .endNonResourceAttributes();
        }
        SubjectAccessReview review =
                new SubjectAccessReviewBuilder().withSpec(spec.build()).build();
        return pool.executeBlocking(
                () -> decision(client.authorization()
                        .v1()
                        .subjectAccessReview()
                        .create(review)
                        .getStatus()),
                false);
    }

    private static AccessDecision decision(SubjectAccessReviewStatus status) {
        if (status == null) {
            return new AccessDecision(false, "");
        }
        // The evaluation error, if any, describes the authorizer's own trouble: the caller is told the reason only.
        return new AccessDecision(Boolean.TRUE.equals(status.getAllowed()), status.getReason());
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
