package io.clusteragent.auth;

import io.clusteragent.config.AuthSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Who may call the API, decided the way the API server decides for its own clients: authenticate, then (per
 * caller, within RATE_LIMIT_PER_USER) authorize each check of the route. One instance serves every event loop.
 */
public final class AccessControl {

    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
    private static final int MAX_RATE_LIMITED_CALLERS = 10_000;

    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final RateLimiter limiter;

    private AccessControl(Authenticator authenticator, Authorizer authorizer, RateLimiter limiter) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.limiter = limiter;
    }

    /** Every caller may call every route: AUTH_MODE=none. */
    public static AccessControl none() {
        return new AccessControl(null, null, null);
    }

    /**
     * Every caller may call every route, within {@code ratePerAddress} requests a second per client address
     * (0 for no limit): with nobody authenticated, the address is the only caller there is.
     */
    public static AccessControl none(int ratePerAddress, LongSupplier nanoTime) {
        return new AccessControl(null, null, limiter(ratePerAddress, nanoTime));
    }

    private static RateLimiter limiter(int perSecond, LongSupplier nanoTime) {
        return perSecond == 0 ? null : new RateLimiter(perSecond, MAX_RATE_LIMITED_CALLERS, nanoTime);
    }

    /** AUTH_MODE=kubernetes, asking {@code reviews}. */
    public static AccessControl kubernetes(Vertx vertx, AuthSettings settings, AccessReviews reviews) {
        return kubernetes(vertx, settings, reviews, System::nanoTime);
    }

    /** @param nanoTime the clock the caches and rate limits run on: {@link System#nanoTime}, or a test's */
    public static AccessControl kubernetes(
            Vertx vertx, AuthSettings settings, AccessReviews reviews, LongSupplier nanoTime) {
        ReviewDeadline deadline = new ReviewDeadline(vertx, settings.reviewTimeout());
        return new AccessControl(
                new Authenticator(reviews, settings, deadline, nanoTime),
                new Authorizer(reviews, settings, deadline, nanoTime),
                limiter(settings.ratePerUser(), nanoTime));
    }

    /**
     * As configured; with authentication off, warns when the API is reachable from other hosts than this one.
     *
     * @param reviews asked only when {@code settings} turn authentication on
     * @param host    the address the API listens on
     */
    public static AccessControl of(Vertx vertx, AuthSettings settings, AccessReviews reviews, String host) {
        if (settings.enabled()) {
            return kubernetes(vertx, settings, reviews);
        }
        if (!isLoopback(host)) {
            LOG.warn(
                    "authentication is off (AUTH_MODE=none) and the API listens on {}: anyone who reaches the port"
                            + " reads every pod, event and node it serves",
                    host);
        }
        return none(settings.ratePerUser(), System::nanoTime);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    public boolean enabled() {
        return authenticator != null;
    }

    /** The caller, when the API server knows it; fails with {@link AccessRefused}. */
    public Future<Caller> authenticate(Credentials credentials) {
        return authenticator.authenticate(credentials);
    }

    /** Whether callers are held to a rate (RATE_LIMIT_PER_USER). */
    public boolean limitsRate() {
        return limiter != null;
    }

    /** The caller, when known, within its rate and allowed every check; fails with {@link AccessRefused}. */
    public Future<Caller> admit(Credentials credentials, List<AccessCheck> checks) {
        return authenticate(credentials)
                .compose(caller -> withinRate(caller.user(), "user \"" + caller.user() + "\"")
                        .compose(within -> authorizer.authorize(caller, checks))
                        .map(caller));
    }

    /**
     * With authentication off: succeeds when the client at {@code address} is within its rate, else fails with
     * {@link AccessRefused}.
     */
    public Future<Void> admitAnonymous(String address) {
        return withinRate("address " + address, "client " + address);
    }

    private Future<Void> withinRate(String key, String who) {
        long wait = limiter == null ? 0 : limiter.acquire(key);
        if (wait == 0) {
            return Future.succeededFuture();
        }
        return Future.failedFuture(new AccessRefused(
                AccessRefused.Reason.RATE_LIMITED,
                "Too many requests",
                who + " asks more often than RATE_LIMIT_PER_USER allows",
                wait));
    }
}
