package io.clusteragent.api;

import io.clusteragent.kubestate.ExpositionFormat;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.clusteragent.kubestate.ResourceSelection;
import io.clusteragent.kubestate.Scrape;
import io.clusteragent.kubestate.TextChunk;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /metrics/kubestate}: the kube-state-metrics-compatible families, in the format the scraper
 * negotiates, gzip-compressed when it accepts that, as kube-state-metrics serves them. The scrape is the
 * bytes rendered when the objects changed; bringing a group's changes in, compressing what changed since the
 * last gzip scrape and copying tens of megabytes take milliseconds for a large cluster, so it is assembled on a
 * worker, never on the event loop.
 */
final class KubeStateRoute {

    private static final ByteBufAllocator DIRECT = PooledByteBufAllocator.DEFAULT;
    /** Pooled without a fresh allocation, and few enough per scrape for one vectored write. */
    private static final int PART = 512 * 1024;

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
                        body.release();
                        return;
                    }
                    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, format.contentType());
                    if (gzip) {
                        AcceptEncoding.gzipped(ctx.response());
                    }
                    // Vert.x writes the buffer without releasing it; once written it goes back to the pool.
                    ctx.response().end(Buffer.buffer(body)).onComplete(written -> body.release());
                })
                .onFailure(ctx::fail);
    }

    /**
     * The scrape's kept chunks, or the gzip member made of their kept deflated forms, copied once, here on the
     * worker, into pooled direct memory that the socket is written from. Netty would otherwise copy heap bytes
     * into direct memory on the event loop, a fresh allocation of tens of megabytes per scrape.
     */
    private static ByteBuf render(
            KubeStateMetrics families, ResourceSelection selection, ExpositionFormat format, boolean gzip) {
        Scrape scrape = families.scrape(selection, format);
        return direct(
                gzip
                        ? scrape.gzip()
                        : scrape.chunks().stream().map(TextChunk::bytes).toList());
    }

    private static ByteBuf direct(List<byte[]> pieces) {
        CompositeByteBuf body = DIRECT.compositeDirectBuffer(Integer.MAX_VALUE);
        ByteBuf part = DIRECT.directBuffer(PART, PART);
        for (byte[] piece : pieces) {
            int at = 0;
            while (at < piece.length) {
                if (!part.isWritable()) {
                    body.addComponent(true, part);
                    part = DIRECT.directBuffer(PART, PART);
                }
                int length = Math.min(part.writableBytes(), piece.length - at);
                part.writeBytes(piece, at, length);
                at += length;
            }
        }
        return body.addComponent(true, part);
    }
}
