package io.clusteragent.auth;

import io.vertx.core.Future;

import java.util.List;

/**
 * The API server's verdicts on callers: implemented where the agent talks to the API server, as
 * TokenReview and SubjectAccessReview calls. Both return without blocking; a future fails when the
 * API server could not be asked or did not answer.
 */
public interface AccessReviews {

    /**
     * @param token     the bearer token as the caller sent it; it is sent to the API server and nowhere else
     * @param audiences what the token must be issued for; empty for the API server's own audiences
     */
    Future<TokenReviewResult> reviewToken(String token, List<String> audiences);

    Future<AccessDecision> review(Caller caller, AccessCheck check);
}
