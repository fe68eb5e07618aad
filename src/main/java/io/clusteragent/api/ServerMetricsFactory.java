package io.clusteragent.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * vertx-micrometer's metrics, except that HTTP servers are measured by {@link HttpServerMeters}: the
 * same series, without a registry lookup per request.
 */
public final class ServerMetricsFactory implements VertxMetricsFactory {

    /**
     * One set of meters per registry, shared by every server and every Vert.x instance reporting to it (a
     * registry outlives the Vert.x that created it when another one still uses it): a gauge registered twice
     * is the first registration, and would only ever read the first server's count.
     */
    private static final Map<MeterRegistry, HttpServerMeters> METERS = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public VertxMetrics metrics(VertxOptions options) {
        VertxMetrics micrometer = new MicrometerMetricsFactory().metrics(options);
        return new WithHttpServerMeters(
                micrometer, METERS.computeIfAbsent(BackendRegistries.getDefaultNow(), HttpServerMeters::new));
    }

    /** Everything as vertx-micrometer measures it, but HTTP servers. */
    private record WithHttpServerMeters(VertxMetrics delegate, HttpServerMeters meters) implements VertxMetrics {

        @Override
        public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress local) {
            return meters;
        }

        @Override
        public EventBusMetrics createEventBusMetrics() {
            return delegate.createEventBusMetrics();
        }

        @Override
        public ClientMetrics<?, ?, ?, ?> createClientMetrics(SocketAddress remote, String type, String namespace) {
            return delegate.createClientMetrics(remote, type, namespace);
        }

        @Override
        public HttpClientMetrics<?, ?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
            return delegate.createHttpClientMetrics(options);
        }

        @Override
        public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress local) {
            return delegate.createNetServerMetrics(options, local);
        }

        @Override
        public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
            return delegate.createNetClientMetrics(options);
        }

        @Override
        public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
            return delegate.createDatagramSocketMetrics(options);
        }

        @Override
        public PoolMetrics<?> createPoolMetrics(String type, String name, int maxSize) {
            return delegate.createPoolMetrics(type, name, maxSize);
        }

        @Override
        public void vertxCreated(Vertx vertx) {
            delegate.vertxCreated(vertx);
        }

        @Override
        public boolean isMetricsEnabled() {
            return delegate.isMetricsEnabled();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
