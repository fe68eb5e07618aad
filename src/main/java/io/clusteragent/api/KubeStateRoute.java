package io.clusteragent.api;

import io.clusteragent.kubestate.ExpositionFormat;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.clusteragent.kubestate.ResourceSelection;
import io.clusteragent.kubestate.Scrape;
import io.clusteragent.kubestate.TextChunk;
import io.netty.buffer.Unpooled;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * {@code GET /metrics/kubestate}: the kube-state-metrics-compatible families, in the format the scraper
 * negotiates, gzip-compressed when it accepts that, as kube-state-metrics serves them. The scrape is the
 * bytes rendered when the objects changed; bringing a group's changes in and compressing what changed since
 * the last gzip scrape can take milliseconds for a large cluster, so it is assembled on a worker, never on the
 * event loop.
 */
final class KubeStateRoute {

    private final Optional<KubeStateMetrics> metrics;
    private final WorkerExecutor pool;

    KubeStateRoute(Optional<KubeStateMetrics> metrics, WorkerExecutor pool) {
        this.metrics = metrics;
        this.pool = pool;
    }

    void scrape(RoutingContext ctx) {
        KubeStateMetrics families = metrics.orElseThrow(() -> new ApiException(
                ErrorCode.RESOURCE_NOT_FOUND,
                "Kube-state metrics are off",
                "KUBE_STATE_RESOURCES is empty: no resource is reported on"));
        ResourceSelection selection =
                ResourceSelection.fromQuery(ctx.queryParam("resources"), ctx.queryParam("exclude_resources"));
        ExpositionFormat format = ExpositionFormat.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT));
        boolean gzip = AcceptEncoding.negotiateGzip(ctx.request());
        pool.executeBlocking(() -> render(families, selection, format, gzip), false)
                .onSuccess(body -> {
                    if (ctx.response().ended() || ctx.response().closed()) {
                        return;
                    }
                    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, format.contentType());
                    if (gzip) {
                        AcceptEncoding.gzipped(ctx.response());
                    }
                    ctx.response().end(body);
                })
                .onFailure(ctx::fail);
    }

    /**
     * The scrape's kept chunks (or their kept deflated forms) wrapped, not copied, in one composite buffer: the
     * text was rendered when the objects changed and compressed at the first gzip scrape after, so a scrape
     * only lists them.
     */
    private static Buffer render(
            KubeStateMetrics families, ResourceSelection selection, ExpositionFormat format, boolean gzip) {
        Scrape scrape = families.scrape(selection, format);
        byte[][] pieces = gzip
                ? scrape.gzip().toArray(byte[][]::new)
                : scrape.chunks().stream().map(TextChunk::bytes).toArray(byte[][]::new);
        return Buffer.buffer(Unpooled.wrappedBuffer(pieces));
    }
}
