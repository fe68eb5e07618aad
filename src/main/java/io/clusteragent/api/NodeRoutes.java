package io.clusteragent.api;

import io.clusteragent.analysis.utilization.NodeUtilizationAnalyzer;
import io.clusteragent.cluster.MetricsStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** {@code /api/v1/nodes/{node}/...}. */
final class NodeRoutes {

    private final Analyses analyses;

    NodeRoutes(Analyses analyses) {
        this.analyses = analyses;
    }

    void utilization(RoutingContext ctx) {
        String name = Names.subdomain(ctx, "node");
        analyses.respond(ctx, List.of(name), analyses.state()::version, now -> {
            Node node = analyses.node(name);
            MetricsStatus metrics = analyses.state().metricsStatus();
            if (!metrics.available()) {
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Metrics server not available", metrics.reason());
            }
            NodeMetrics usage = analyses.state()
                    .nodeMetrics(name)
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.SERVICE_UNAVAILABLE,
                            "Metrics not available for node",
                            "metrics.k8s.io has no sample for node '" + name + "' yet"));
            return NodeUtilizationAnalyzer.analyze(node, usage, analyses.state().podsOnNode(name), now);
        });
    }
}
