package io.clusteragent.api;

import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Runs an analysis for a request off the event loop, so the request budget can cut a slow one
 * short with a 504 while the event loop keeps serving others, and writes its result in the envelope.
 */
final class Analyses {

    private final ClusterState state;
    private final Clock clock;
    private final Envelope envelope;
    private final WorkerExecutor pool;

    Analyses(ClusterState state, Clock clock, Envelope envelope, WorkerExecutor pool) {
        this.state = state;
        this.clock = clock;
        this.envelope = envelope;
        this.pool = pool;
    }

    void respond(RoutingContext ctx, Function<Instant, Object> analysis) {
        Instant now = clock.instant();
        pool.executeBlocking(() -> envelope.okBody(ctx, analysis.apply(now)), false)
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
