package io.clusteragent.auth;

import io.clusteragent.config.AuthSettings;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Whether a caller may do everything a route reads: one SubjectAccessReview per check, each decision kept for the
 * exact caller (user, groups, uid, extra) and question asked.
 */
final class Authorizer {

    private static final Logger LOG = LoggerFactory.getLogger(Authorizer.class);

    private record Question(Caller caller, AccessCheck check) {}

    private final AccessReviews reviews;
    private final ReviewDeadline deadline;
    private final ReviewCache<Question, AccessDecision> cache;

    Authorizer(AccessReviews reviews, AuthSettings settings, ReviewDeadline deadline, LongSupplier nanoTime) {
        this.reviews = reviews;
        this.deadline = deadline;
        this.cache = ReviewCache.forVerdicts(settings, AccessDecision::allowed, nanoTime);
    }

    /** Succeeds when every check is allowed; fails with the first denied one, else with the first review that failed. */
    Future<Void> authorize(Caller caller, List<AccessCheck> checks) {
        List<Future<AccessDecision>> decisions = checks.stream()
                .map(check ->
                        cache.get(new Question(caller, check), () -> deadline.bound(reviews.review(caller, check))))
                .toList();
        return Future.join(decisions).transform(done -> {
            for (int i = 0; i < checks.size(); i++) {
                Future<AccessDecision> decision = decisions.get(i);
                if (decision.succeeded() && !decision.result().allowed()) {
                    return Future.failedFuture(forbidden(caller, checks.get(i), decision.result()));
                }
            }
            for (Future<AccessDecision> decision : decisions) {
                if (decision.failed()) {
                    LOG.warn(
                            "cannot review access for {}: {}",
                            caller.user(),
                            decision.cause().getMessage());
                    return Future.failedFuture(new AccessRefused(
                            AccessRefused.Reason.UNAVAILABLE,
                            "Authorization unavailable",
                            "the API server did not review the access; try again later"));
                }
            }
            return Future.succeededFuture();
        });
    }

    private static AccessRefused forbidden(Caller caller, AccessCheck check, AccessDecision decision) {
        return new AccessRefused(
                AccessRefused.Reason.FORBIDDEN,
                "Forbidden: user \"" + caller.user() + "\" cannot " + check.describe(),
                decision.reason().isEmpty() ? "no RBAC rule allows it" : decision.reason());
    }
}
