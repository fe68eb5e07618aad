package io.clusteragent.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who may call the API. With {@link Mode#KUBERNETES} the API server says who a caller is (TokenReview) and what
 * the caller may read (SubjectAccessReview), as kube-rbac-proxy and every aggregated API server delegate it.
 *
 * @param mode          whether callers are authenticated and authorized at all
 * @param audiences     audiences a token must be issued for; empty accepts the API server's own
 * @param allowedTtl    how long an accepted token or an allowed decision is reused
 * @param deniedTtl     how long a rejected token or a denied decision is reused
 * @param cacheSize     entries each of the token and decision caches keeps at most
 * @param reviewTimeout longest wait for one review, already the shorter of AUTH_REVIEW_TIMEOUT and K8S_TIMEOUT
 * @param ratePerUser   requests per second each caller may make; 0 for no limit
 */
public record AuthSettings(
        Mode mode,
        List<String> audiences,
        Duration allowedTtl,
        Duration deniedTtl,
        int cacheSize,
        Duration reviewTimeout,
        int ratePerUser) {

    public enum Mode {
        KUBERNETES,
        NONE
    }

    public AuthSettings {
        Objects.requireNonNull(mode, "mode");
        audiences = List.copyOf(audiences);
    }

    /** Authentication off, as in tests, snapshot mode and outside a cluster. */
    public static AuthSettings none() {
        return new AuthSettings(
                Mode.NONE, List.of(), Duration.ofMinutes(1), Duration.ofSeconds(10), 10_000, Duration.ofSeconds(5), 0);
    }

    public boolean enabled() {
        return mode == Mode.KUBERNETES;
    }

    static AuthSettings from(SettingValues values, Map<String, String> env) {
        boolean snapshot = values.text(Setting.CLUSTER_SNAPSHOT).isPresent();
        Mode mode = switch (values.oneOf(Setting.AUTH_MODE, "auto", "kubernetes", "none")) {
            case "kubernetes" -> Mode.KUBERNETES;
            case "none" -> Mode.NONE;
            default -> env.containsKey("KUBERNETES_SERVICE_HOST") && !snapshot ? Mode.KUBERNETES : Mode.NONE;
        };
        if (mode == Mode.KUBERNETES && snapshot) {
            // A dump has no API server to review tokens and access against.
            throw new ConfigException(Setting.AUTH_MODE.env() + "=kubernetes asks the API server who a caller is; "
                    + "it cannot be used with " + Setting.CLUSTER_SNAPSHOT.env());
        }
        Duration reviewTimeout = values.duration(Setting.AUTH_REVIEW_TIMEOUT);
        Duration k8sTimeout = values.duration(Setting.K8S_TIMEOUT);
        return new AuthSettings(
                mode,
                values.list(Setting.AUTH_AUDIENCES),
                values.duration(Setting.AUTH_CACHE_ALLOWED_TTL),
                values.duration(Setting.AUTH_CACHE_DENIED_TTL),
                values.integer(Setting.AUTH_CACHE_SIZE, 1, 10_000_000),
                reviewTimeout.compareTo(k8sTimeout) <= 0 ? reviewTimeout : k8sTimeout,
                values.integer(Setting.RATE_LIMIT_PER_USER, 0, 1_000_000));
    }

    @Override
    public String toString() {
        if (mode == Mode.NONE) {
            return "none";
        }
        return "kubernetes" + (audiences.isEmpty() ? "" : " audiences=" + String.join(",", audiences))
                + " allowedTtl=" + allowedTtl.toMillis() + "ms deniedTtl=" + deniedTtl.toMillis() + "ms cacheSize="
                + cacheSize + " reviewTimeout=" + reviewTimeout.toMillis() + "ms"
                + (ratePerUser == 0 ? "" : " ratePerUser=" + ratePerUser);
    }
}
