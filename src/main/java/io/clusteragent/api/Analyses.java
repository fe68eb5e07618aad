package io.clusteragent.api;

import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Runs an analysis for a request off the event loop, so the request budget can cut a slow one
 * short with a 504 while the event loop keeps serving others, and writes its result in the envelope.
 */
final class Analyses {

    private final ClusterState state;
    private final Clock clock;
    private final Envelope envelope;
    private final WorkerExecutor pool;
    private final ResponseCache cache;
    private final long budgetMillis;

    Analyses(
            ClusterState state,
            Clock clock,
            Envelope envelope,
            WorkerExecutor pool,
            ResponseCache cache,
            Duration budget) {
        this.state = state;
        this.clock = clock;
        this.envelope = envelope;
        this.pool = pool;
        this.cache = cache;
        this.budgetMillis = budget.toMillis();
    }

    /**
     * @param parameters the validated parameters of the route, which with the route make the question the
     *                   answer is kept for: every spelling of a path ({@code /./}, {@code //}, {@code %70})
     *                   asks the same one
     * @param version the version of the state the answer depends on ({@link ClusterState#namespaceVersion} when
     *                it reads one namespace only, {@link ClusterState#version} otherwise), read before analyzing
     *                so that a change during the analysis makes its answer stale at once
     */
    void respond(
            RoutingContext ctx, List<String> parameters, LongSupplier version, Function<Instant, Object> analysis) {
        Instant now = clock.instant();
        String question = ctx.currentRoute().getPath() + "|" + String.join("|", parameters);
        Future<KeptAnswer> answer = cache.answer(
                question,
                version.getAsLong(),
                now.toEpochMilli(),
                () -> pool.executeBlocking(() -> envelope.opening(analysis.apply(now)), false));
        if (answer.isComplete()) {
            reply(ctx, answer);
            return;
        }
        // Time can only be spent waiting for an analysis: a kept answer is written before any timer
        // could fire on this event loop, so only a request that waits gets a budget.
        Context loop = Vertx.currentContext();
        long budget = ctx.vertx().setTimer(budgetMillis, expired -> ctx.fail(ErrorCode.REQUEST_TIMEOUT.httpStatus()));
        answer.onComplete(done -> loop.runOnContext(v -> {
            // An answer shared with a request on another event loop completes there; each response
            // is written from its own connection's loop.
            if (ctx.vertx().cancelTimer(budget)) {
                reply(ctx, done);
            }
        }));
    }

    private void reply(RoutingContext ctx, AsyncResult<KeptAnswer> answer) {
        if (answer.succeeded()) {
            envelope.send(ctx, answer.result());
        } else {
            ctx.fail(answer.cause());
        }
    }

    ClusterState state() {
        return state;
    }

    Pod pod(String namespace, String name) {
        return state.pod(namespace, name)
                .orElseThrow(() ->
                        ApiException.notFound("Pod", "Pod '" + name + "' not found in namespace '" + namespace + "'"));
    }

    Node node(String name) {
        return state.node(name).orElseThrow(() -> ApiException.notFound("Node", "Node '" + name + "' not found"));
    }

    void requireNamespace(String namespace) {
        if (state.namespace(namespace).isEmpty()
                && state.podsInNamespace(namespace).isEmpty()) {
            throw ApiException.notFound("Namespace", "Namespace '" + namespace + "' not found");
        }
    }
}
