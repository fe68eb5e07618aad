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

    /** The size of the largest scrape so far, to size the next one's buffer; a race only misjudges a size. */
    private volatile int lastSize = 1 << 16;

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
     * The scrape is written into an unsynchronized buffer sized like the previous one, then compressed in one
     * pass: the writer makes a write per object and family, hundreds of thousands per scrape, each of which a
     * {@code ByteArrayOutputStream} would lock and a {@code GZIPOutputStream} would hand to zlib on its own.
     */
    private Buffer render(
            KubeStateMetrics families, ResourceSelection selection, ExpositionFormat format, boolean gzip) {
        Buffer plain = Buffer.buffer(lastSize);
        try {
            families.write(selection, format, new BufferOutput(plain));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastSize = Math.max(lastSize, plain.length());
        if (!gzip) {
            return plain;
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(1024, plain.length() / 8));
        try (OutputStream out = new FastGzip(compressed)) {
            out.write(plain.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(compressed.toByteArray());
    }

    /** Appends to a Vert.x buffer, without the lock of every {@code ByteArrayOutputStream} write. */
    private static final class BufferOutput extends OutputStream {
        private final Buffer buffer;

        BufferOutput(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.appendBytes(bytes, offset, length);
        }
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
