package io.clusteragent.auth;

import io.clusteragent.config.AuthSettings;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Who a request comes from: the subject of its verified client certificate, or the user the API server's
 * TokenReview finds for its bearer token. Reviews are kept by the token's digest, never by the token.
 */
final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    static final String HOW = "send 'Authorization: Bearer <token>' with a token the API server accepts"
            + " (such as one from 'kubectl create token'), or a client certificate";

    private final AccessReviews reviews;
    private final List<String> audiences;
    private final ReviewDeadline deadline;
    private final ReviewCache<String, TokenReviewResult> cache;

    Authenticator(AccessReviews reviews, AuthSettings settings, ReviewDeadline deadline, LongSupplier nanoTime) {
        this.reviews = reviews;
        this.audiences = settings.audiences();
        this.deadline = deadline;
        this.cache = ReviewCache.forVerdicts(settings, result -> result.caller().isPresent(), nanoTime);
    }

    Future<Caller> authenticate(Credentials credentials) {
        if (credentials instanceof Credentials.BearerToken token) {
            return review(token);
        }
        if (credentials instanceof Credentials.ClientCertificate certificate) {
            return CertificateIdentity.of(certificate.certificate())
                    .map(Future::succeededFuture)
                    .orElseGet(() -> refused("Authentication required", "the client certificate names no user (CN)"));
        }
        if (credentials == Credentials.Malformed.INSTANCE) {
            return refused("Authentication required", "the Authorization header is not 'Bearer <token>'; " + HOW);
        }
        return refused("Authentication required", HOW);
    }

    private Future<Caller> review(Credentials.BearerToken token) {
        return cache.get(token.digest(), () -> deadline.bound(reviews.reviewToken(token.token(), audiences)))
                .recover(failure -> {
                    // The reviews' failures name the API server and the status, never the token.
                    LOG.warn("cannot review a bearer token: {}", failure.getMessage());
                    return Future.failedFuture(new AccessRefused(
                            AccessRefused.Reason.UNAVAILABLE,
                            "Authentication unavailable",
                            "the API server did not review the bearer token; try again later"));
                })
                .compose(result -> result.caller()
                        .filter(caller -> audiences.isEmpty()
                                || result.audiences().stream().anyMatch(audiences::contains))
                        .map(Future::succeededFuture)
                        .orElseGet(() -> refused(
                                "Authentication required",
                                "the API server did not accept the bearer token"
                                        + (audiences.isEmpty() ? "" : " for audiences " + audiences))));
    }

    private static Future<Caller> refused(String message, String details) {
        return Future.failedFuture(new AccessRefused(AccessRefused.Reason.UNAUTHENTICATED, message, details));
    }
}
