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
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The route's access rule, enforced before anything else of the route runs: the caller is authenticated, kept
 * within its rate and authorized for every check, or the request ends with 401, 403, 429 or 503. Reviews answer
 * on whichever thread the API server's reply arrives; the request goes on on its own event loop.
 */
final class AccessGate {

    static final String CHALLENGE = "Bearer realm=\"cluster-agent\"";

    private final AccessControl control;
    private final Envelope envelope;

    AccessGate(AccessControl control, Envelope envelope) {
        this.control = control;
        this.envelope = envelope;
    }

    /** The handler enforcing {@code rule}; with authentication off, or for an open route, one that lets all through. */
    Handler<RoutingContext> enforce(AccessRule rule) {
        if (!control.enabled() || !rule.authenticates()) {
            return RoutingContext::next;
        }
        return ctx -> onOwnContext(
                        ctx, control.admit(credentials(ctx), rule.checks(ctx::pathParam, ctx.normalizedPath())))
                .onSuccess(caller -> {
                    AccessLog.user(ctx, caller.user());
                    ctx.next();
                })
                .onFailure(failure -> ctx.fail(refusal(ctx, failure)));
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
