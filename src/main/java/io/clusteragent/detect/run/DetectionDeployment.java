package io.clusteragent.detect.run;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Starts and stops the detectors as leadership comes and goes. Each start is a fresh verticle that
 * loads the incident state before its first cycle, so a replica that leads again carries on from
 * the last leader's state rather than from its own stale memory.
 */
public final class DetectionDeployment {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionDeployment.class);

    private final Vertx vertx;
    private final Supplier<DetectionVerticle> verticles;
    private final DetectionMeters meters;
    private String deploymentId;

    public DetectionDeployment(Vertx vertx, Supplier<DetectionVerticle> verticles, DetectionMeters meters) {
        this.vertx = vertx;
        this.verticles = verticles;
        this.meters = meters;
    }

    public Future<Void> start() {
        if (deploymentId != null) {
            return Future.succeededFuture();
        }
        meters.leader(true);
        return vertx.deployVerticle(verticles.get())
                .onSuccess(id -> deploymentId = id)
                .onFailure(failure -> LOG.error("detectors could not start", failure))
                .mapEmpty();
    }

    public Future<Void> stop() {
        meters.leader(false);
        if (deploymentId == null) {
            return Future.succeededFuture();
        }
        String id = deploymentId;
        deploymentId = null;
        return vertx.undeploy(id);
    }
}
