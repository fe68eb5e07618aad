package io.clusteragent.api;

import io.clusteragent.analysis.describe.PodDescriber;
import io.clusteragent.analysis.events.FailureEventAnalyzer;
import io.clusteragent.analysis.resources.PodResourcesAnalyzer;
import io.clusteragent.analysis.scheduling.SchedulingAnalyzer;
import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.function.LongSupplier;

/** {@code /api/v1/pods/{namespace}/{pod}/...}: one pod, read from the cache. */
final class PodRoutes {

    private static final boolean NAMESPACE_ONLY = false;
    private static final boolean WHOLE_CLUSTER = true;

    private final Analyses analyses;

    PodRoutes(Analyses analyses) {
        this.analyses = analyses;
    }

    void describe(RoutingContext ctx) {
        withPod(
                ctx,
                NAMESPACE_ONLY,
                (pod, now) -> PodDescriber.describe(pod, analyses.state().eventsFor(pod), now));
    }

    void resources(RoutingContext ctx) {
        withPod(ctx, NAMESPACE_ONLY, (pod, now) -> PodResourcesAnalyzer.analyze(pod));
    }

    void scheduling(RoutingContext ctx) {
        // Placement depends on every node and every pod bound anywhere.
        withPod(ctx, WHOLE_CLUSTER, (pod, now) -> SchedulingAnalyzer.analyze(pod, analyses.state(), now));
    }

    void failureEvents(RoutingContext ctx) {
        withPod(
                ctx,
                NAMESPACE_ONLY,
                (pod, now) -> FailureEventAnalyzer.analyze(pod, analyses.state().eventsFor(pod), now));
    }

    private void withPod(RoutingContext ctx, boolean wholeCluster, PodAnalysis analysis) {
        String namespace = Names.label(ctx, "namespace");
        String name = Names.subdomain(ctx, "pod");
        ClusterState state = analyses.state();
        LongSupplier version = wholeCluster ? state::version : () -> state.namespaceVersion(namespace);
        analyses.respond(
                ctx, List.of(namespace, name), version, now -> analysis.apply(analyses.pod(namespace, name), now));
    }

    @FunctionalInterface
    private interface PodAnalysis {
        Object apply(Pod pod, java.time.Instant now);
    }
}
