package io.clusteragent.api;

import io.clusteragent.analysis.describe.PodDescriber;
import io.clusteragent.analysis.events.FailureEventAnalyzer;
import io.clusteragent.analysis.resources.PodResourcesAnalyzer;
import io.clusteragent.analysis.scheduling.SchedulingAnalyzer;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/pods/{namespace}/{pod}/...}: one pod, read from the cache. */
final class PodRoutes {

    private final Analyses analyses;

    PodRoutes(Analyses analyses) {
        this.analyses = analyses;
    }

    void describe(RoutingContext ctx) {
        withPod(ctx, (pod, now) -> PodDescriber.describe(pod, analyses.state().eventsFor(pod), now));
    }

    void resources(RoutingContext ctx) {
        withPod(ctx, (pod, now) -> PodResourcesAnalyzer.analyze(pod));
    }

    void scheduling(RoutingContext ctx) {
        withPod(ctx, (pod, now) -> SchedulingAnalyzer.analyze(pod, analyses.state(), now));
    }

    void failureEvents(RoutingContext ctx) {
        withPod(ctx, (pod, now) -> FailureEventAnalyzer.analyze(pod, analyses.state().eventsFor(pod), now));
    }

    private void withPod(RoutingContext ctx, PodAnalysis analysis) {
        String namespace = Names.label(ctx, "namespace");
        String name = Names.subdomain(ctx, "pod");
        analyses.respond(ctx, now -> analysis.apply(analyses.pod(namespace, name), now));
    }

    @FunctionalInterface
    private interface PodAnalysis {
        Object apply(Pod pod, java.time.Instant now);
    }
}
