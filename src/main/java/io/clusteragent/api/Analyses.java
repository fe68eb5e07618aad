package io.clusteragent.api;

import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Instant;
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

    Analyses(ClusterState state, Clock clock, Envelope envelope, WorkerExecutor pool, ResponseCache cache) {
        this.state = state;
        this.clock = clock;
        this.envelope = envelope;
        this.pool = pool;
        this.cache = cache;
    }

    /**
     * @param version the version of the state the answer depends on ({@link ClusterState#namespaceVersion} when
     *                it reads one namespace only, {@link ClusterState#version} otherwise), read before analyzing
     *                so that a change during the analysis makes its answer stale at once
     */
    void respond(RoutingContext ctx, LongSupplier version, Function<Instant, Object> analysis) {
        Instant now = clock.instant();
        long second = now.getEpochSecond();
        String path = ctx.request().path();
        long stamp = version.getAsLong();
        Buffer cached = cache.get(path, stamp, second);
        if (cached != null) {
            envelope.send(ctx, envelope.okBody(ctx, cached));
            return;
        }
        pool.executeBlocking(() -> {
                    Buffer data = envelope.data(analysis.apply(now));
                    cache.put(path, stamp, second, data);
                    return envelope.okBody(ctx, data);
                }, false)
                .onSuccess(body -> envelope.send(ctx, body))
                .onFailure(ctx::fail);
    }

    ClusterState state() {
        return state;
    }

    Pod pod(String namespace, String name) {
        return state.pod(namespace, name).orElseThrow(() ->
                ApiException.notFound("Pod", "Pod '" + name + "' not found in namespace '" + namespace + "'"));
    }

    Node node(String name) {
        return state.node(name).orElseThrow(() -> ApiException.notFound("Node", "Node '" + name + "' not found"));
    }

    void requireNamespace(String namespace) {
        if (state.namespace(namespace).isEmpty() && state.podsInNamespace(namespace).isEmpty()) {
            throw ApiException.notFound("Namespace", "Namespace '" + namespace + "' not found");
        }
    }
}
