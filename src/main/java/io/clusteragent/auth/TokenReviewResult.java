package io.clusteragent.auth;

import java.util.List;
import java.util.Optional;

/**
 * A TokenReview's answer: the token's user when the API server accepted it, and the audiences it was
 * accepted for. Never the token.
 */
public record TokenReviewResult(Optional<Caller> caller, List<String> audiences) {

    public TokenReviewResult {
        audiences = List.copyOf(audiences);
    }

    public static TokenReviewResult rejected() {
        return new TokenReviewResult(Optional.empty(), List.of());
    }

    public static TokenReviewResult accepted(Caller caller, List<String> audiences) {
        return new TokenReviewResult(Optional.of(caller), audiences);
    }
}
