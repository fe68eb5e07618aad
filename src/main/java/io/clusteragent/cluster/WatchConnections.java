package io.clusteragent.cluster;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the HTTP client sees of each watched resource's requests: the plain-HTTP watch streams that
 * are open, and the last request that failed.
 * <p>
 * fabric8 watches over a WebSocket, and falls back to a streaming GET when the upgrade is refused (a
 * proxy that does not carry WebSockets). Over a streaming GET its {@code isWatching()} stays false
 * until the first byte of the body, which on a quiet resource can take minutes; the response
 * headers arriving are the moment the watch is in fact established, and only an interceptor sees them.
 */
final class WatchConnections implements Interceptor {

    /** The name it is installed under in the fabric8 HTTP client. */
    static final String NAME = "cluster-agent-watch-connections";

    private final Map<WatchedResource, Channel> channels = new EnumMap<>(WatchedResource.class);

    WatchConnections() {
        for (WatchedResource resource : WatchedResource.values()) {
            channels.put(resource, new Channel(resource.collectionPath()));
        }
    }

    Channel channel(WatchedResource resource) {
        return channels.get(resource);
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        if (response.isSuccessful() && response.body() instanceof AsyncBody body && isWatch(request.uri())) {
            Channel channel = channelOf(request.uri());
            if (channel != null) {
                channel.openStreams.incrementAndGet();
                body.done().whenComplete((done, failure) -> channel.openStreams.decrementAndGet());
            }
        }
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        failed(response.request().uri(), "HTTP " + response.code());
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public void afterConnectionFailure(HttpRequest request, Throwable failure) {
        failed(request.uri(), failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    private void failed(URI uri, String why) {
        Channel channel = channelOf(uri);
        if (channel != null) {
            channel.failed((isWatch(uri) ? "watch" : "list") + " failed with " + why);
        }
    }

    private Channel channelOf(URI uri) {
        String path = uri.getPath();
        for (Channel channel : channels.values()) {
            // endsWith: an API server behind a path prefix (a multi-cluster proxy) serves the same collections
            if (path != null && path.endsWith(channel.path)) {
                return channel;
            }
        }
        return null;
    }

    static boolean isWatch(URI uri) {
        String query = uri.getRawQuery();
        return query != null && (query.startsWith("watch=true") || query.contains("&watch=true"));
    }

    /** One resource's connections. */
    static final class Channel {

        private final String path;
        private final AtomicInteger openStreams = new AtomicInteger();
        private volatile String lastFailure;

        private Channel(String path) {
            this.path = path;
        }

        /** A plain-HTTP watch has its response headers and its body has not ended. */
        boolean streaming() {
            return openStreams.get() > 0;
        }

        void failed(String why) {
            lastFailure = why;
        }

        /** The watch is up: what failed before is history. A read when there is nothing to forget. */
        void forgetFailure() {
            if (lastFailure != null) {
                lastFailure = null;
            }
        }

        /** The last failure since the watch was last seen up, or a note that there was none. */
        String lastFailure() {
            String why = lastFailure;
            return why == null ? "no request has failed since; its reconnection is waiting or unanswered" : why;
        }
    }
}
