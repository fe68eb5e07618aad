package io.clusteragent.health;

import io.clusteragent.cluster.ClusterState;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthCheckHandler;
import io.vertx.ext.healthchecks.Status;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes probes. Liveness only says the event loop answers: a disconnected API server must not
 * get the pod restarted. Readiness says every watched resource is listed and watched, so a replica
 * with a partial cache never receives traffic, and that the agent is not shutting down, so a replica
 * that got SIGTERM stops receiving it.
 */
public final class Probes {

    private final Vertx vertx;
    private final ClusterState state;
    private final Draining draining;

    public Probes(Vertx vertx, ClusterState state) {
        this(vertx, state, new Draining());
    }

    public Probes(Vertx vertx, ClusterState state, Draining draining) {
        this.vertx = vertx;
        this.state = state;
        this.draining = draining;
    }

    public HealthCheckHandler liveness() {
        return HealthCheckHandler.create(vertx).register("event-loop", promise -> promise.complete(Status.OK()));
    }

    public HealthCheckHandler readiness() {
        return HealthCheckHandler.create(vertx)
                .register("cluster-cache", promise -> {
                    Map<String, Boolean> sync = state.syncStatus();
                    JsonObject data = new JsonObject();
                    sync.forEach((resource, synced) -> data.put(resource, synced ? "synced" : "not synced"));
                    promise.complete(sync.containsValue(false) ? Status.KO(data) : Status.OK(data));
                })
                .register(
                        "shutdown",
                        promise -> promise.complete(
                                draining.begun()
                                        ? Status.KO(
                                                new JsonObject().put("state", "draining: stop sending requests here"))
                                        : Status.OK()));
    }

    public boolean ready() {
        return state.synced();
    }

    public List<String> unsyncedResources() {
        return state.syncStatus().entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .toList();
    }
}
