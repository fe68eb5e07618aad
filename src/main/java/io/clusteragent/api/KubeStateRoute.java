package io.clusteragent.api;

import io.clusteragent.kubestate.ExpositionFormat;
import io.clusteragent.kubestate.KubeStateMetrics;
import io.clusteragent.kubestate.ResourceSelection;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code GET /metrics/kubestate}: the kube-state-metrics-compatible families, in the format the scraper
 * negotiates, gzip-compressed when it accepts that, as kube-state-metrics serves them. The scrape copies
 * bytes rendered when the objects changed; for a large cluster that is megabytes, so it is assembled on a
 * worker, never on the event loop.
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
        boolean gzip = AcceptEncoding.acceptsGzip(ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
        pool.executeBlocking(() -> render(families, selection, format, gzip), false)
                .onSuccess(body -> {
                    if (ctx.response().ended() || ctx.response().closed()) {
                        return;
                    }
                    ctx.response()
                            .putHeader(HttpHeaders.CONTENT_TYPE, format.contentType())
                            .putHeader(HttpHeaders.VARY, "Accept-Encoding");
                    if (gzip) {
                        ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                    }
                    ctx.response().end(body);
                })
                .onFailure(ctx::fail);
    }

    private static Buffer render(
            KubeStateMetrics families, ResourceSelection selection, ExpositionFormat format, boolean gzip) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
        try (OutputStream out = gzip ? new FastGzip(body) : body) {
            families.write(selection, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(body.toByteArray());
    }

    /**
     * The fastest gzip level: a scrape is compressed on every request, and the families' text is so
     * repetitive that the first level already shrinks it about tenfold.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
