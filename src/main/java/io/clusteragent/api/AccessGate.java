package io.clusteragent.api;

import io.clusteragent.auth.AccessControl;
import io.clusteragent.auth.AccessRefused;
import io.clusteragent.auth.AccessRule;
import io.clusteragent.auth.Caller;
import io.clusteragent.auth.Credentials;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The route's access rule, enforced before anything else of the route runs: the caller is authenticated, kept
 * within its rate and authorized for every check, or the request ends with 401, 403, 429 or 503. Reviews answer
 * on whichever thread the API server's reply arrives; the request goes on on its own event loop. One gate per
 * event loop.
 */
final class AccessGate {

    static final String CHALLENGE = "Bearer realm=\"cluster-agent\"";
    static final long HOLD_MILLIS = 1_000;
    /**
     * Up to this much more, at random: the refusals of a client's many connections, held together, would end
     * together, and its retries would arrive as one burst each second.
     */
    static final long HOLD_JITTER_MILLIS = 250;

    private static final int MAX_HELD = 4_096;

    private final AccessControl control;
    private final Envelope envelope;
    /** Refusals being held back; one gate serves one event loop, which alone touches this. */
    private int held;

    AccessGate(AccessControl control, Envelope envelope) {
        this.control = control;
        this.envelope = envelope;
    }

    /**
     * The handler enforcing {@code rule}; for an open route, or with authentication off and no rate limit, one
     * that lets all through. With authentication off, the rate limit applies per client address.
     */
    Handler<RoutingContext> enforce(AccessRule rule) {
        if (!rule.authenticates()) {
            return RoutingContext::next;
        }
        if (!control.enabled()) {
            if (!control.limitsRate()) {
                return RoutingContext::next;
            }
            return ctx -> control.admitAnonymous(ctx.request().remoteAddress().hostAddress())
                    .onSuccess(within -> ctx.next())
                    .onFailure(failure -> refuse(ctx, failure));
        }
        return ctx -> onOwnContext(
                        ctx, control.admit(credentials(ctx), rule.checks(ctx::pathParam, ctx.normalizedPath())))
                .onSuccess(caller -> {
                    AccessLog.user(ctx, caller.user());
                    ctx.next();
                })
                .onFailure(failure -> refuse(ctx, failure));
    }

    /**
     * Ends the request with its refusal. A rate-limited caller is told so only after {@link #HOLD_MILLIS} (and up to
     * {@link #HOLD_JITTER_MILLIS} more), its
     * request slot given back meanwhile: answered at once, a client that retries without waiting (a load tool, a
     * retry loop gone wrong) would turn the refusals themselves into the flood; held, each of its connections
     * costs one cheap answer a second. At most {@link #MAX_HELD} wait per event loop; beyond, refusals go at once.
     */
    private void refuse(RoutingContext ctx, Throwable failure) {
        boolean rateLimited =
                failure instanceof AccessRefused refused && refused.reason() == AccessRefused.Reason.RATE_LIMITED;
        if (rateLimited) {
            Admission.refusedForRate(ctx, held < MAX_HELD);
        }
        if (rateLimited && held < MAX_HELD) {
            held++;
            long hold = HOLD_MILLIS + ThreadLocalRandom.current().nextLong(HOLD_JITTER_MILLIS + 1);
            ctx.vertx().setTimer(hold, timer -> {
                held--;
                if (!ctx.response().closed()) {
                    ctx.fail(refusal(ctx, failure));
                }
            });
            return;
        }
        ctx.fail(refusal(ctx, failure));
    }

    /**
     * Runs {@code answer} for an authenticated caller only: a path the agent does not serve is no business of
     * anyone the API server does not know, so they cannot tell served paths from others.
     */
    void whenAuthenticated(RoutingContext ctx, Handler<RoutingContext> answer) {
        if (!control.enabled()) {
            answer.handle(ctx);
            return;
        }
        onOwnContext(ctx, control.authenticate(credentials(ctx)))
                .onSuccess(caller -> {
                    AccessLog.user(ctx, caller.user());
                    answer.handle(ctx);
                })
                .onFailure(failure -> ApiRouter.answer(ctx, envelope, refusal(ctx, failure)));
    }

    /** The envelope's view of a refusal, with the headers that go with it set on the response. */
    static ApiException refusal(RoutingContext ctx, Throwable failure) {
        if (!(failure instanceof AccessRefused refused)) {
            return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Access control unavailable", "try again later");
        }
        ErrorCode code = switch (refused.reason()) {
            case UNAUTHENTICATED -> ErrorCode.UNAUTHENTICATED;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case RATE_LIMITED -> ErrorCode.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> ErrorCode.SERVICE_UNAVAILABLE;
        };
        if (code == ErrorCode.UNAUTHENTICATED) {
            ctx.response().putHeader("WWW-Authenticate", CHALLENGE);
        } else if (code == ErrorCode.TOO_MANY_REQUESTS) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        }
        return new ApiException(code, refused.getMessage(), refused.details());
    }

    private static Future<Caller> onOwnContext(RoutingContext ctx, Future<Caller> answer) {
        return Future.fromCompletionStage(
                answer.toCompletionStage(), ctx.vertx().getOrCreateContext());
    }

    private static Credentials credentials(RoutingContext ctx) {
        return Credentials.of(clientCertificate(ctx), ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    }

    /** The client certificate TLS verified against the client CA; null over plain HTTP or without one. */
    private static X509Certificate clientCertificate(RoutingContext ctx) {
        SSLSession session = ctx.request().sslSession();
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? leaf : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
