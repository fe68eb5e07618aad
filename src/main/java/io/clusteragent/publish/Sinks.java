package io.clusteragent.publish;

import io.clusteragent.config.PublishSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Picks the sink the settings ask for. */
public final class Sinks {

    private Sinks() {}

    /** The Agent Service sink when a URL is set (after its spool is loaded), else the console sink. */
    public static Future<IncidentSink> create(Vertx vertx, PublishSettings settings) {
        if (settings.url().isEmpty()) {
            return Future.succeededFuture(new ConsoleSink());
        }
        return AgentServiceSink.start(vertx, settings).map(sink -> sink);
    }
}
