package io.clusteragent.api;

import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.cadvisor.Rendering;
import io.clusteragent.kubestate.ExpositionFormat;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /metrics/cadvisor}: the container families kubelet serves at the same path, from this node's
 * cgroups, in the Prometheus text format, gzip-compressed when the scraper accepts it. The bytes were rendered
 * and compressed when the cgroups were last read, so a scrape only writes them, on the event loop.
 */
final class CadvisorRoute {

    private final CadvisorMetrics metrics;

    CadvisorRoute(CadvisorMetrics metrics) {
        this.metrics = metrics;
    }

    void scrape(RoutingContext ctx) {
        Rendering rendering = metrics.latest()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.RESOURCE_NOT_FOUND, "Container metrics are off", metrics.offReason()));
        boolean gzip = AcceptEncoding.negotiateGzip(ctx.request());
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, ExpositionFormat.TEXT.contentType());
        if (gzip) {
            AcceptEncoding.gzipped(ctx.response());
        }
        // Wrapped, not copied: the kept page goes to the socket as it is.
        ctx.response().end(Buffer.buffer(Unpooled.wrappedBuffer(rendering.page(gzip))));
    }
}
