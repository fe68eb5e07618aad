package io.clusteragent.api;

import io.clusteragent.analysis.namespace.NamespaceErrorAnalyzer;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** {@code /api/v1/namespace/{namespace}/...}. */
final class NamespaceRoutes {

    private final Analyses analyses;
    private final int restartThreshold;

    NamespaceRoutes(Analyses analyses, int restartThreshold) {
        this.analyses = analyses;
        this.restartThreshold = restartThreshold;
    }

    void errors(RoutingContext ctx) {
        String namespace = Names.label(ctx, "namespace");
        analyses.respond(ctx, List.of(namespace), () -> analyses.state().namespaceVersion(namespace), now -> {
            analyses.requireNamespace(namespace);
            return NamespaceErrorAnalyzer.analyze(namespace, analyses.state(), restartThreshold, now);
        });
    }
}
