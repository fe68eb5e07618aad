package io.clusteragent.cluster;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Readiness of one watched resource over time, on a clock the test moves. */
class WatchHealthTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SharedIndexInformer<?> informer = mock(SharedIndexInformer.class);
    private final WatchConnections.Channel connections = new WatchConnections().channel(WatchedResource.PODS);
    private final WatchHealth pods = new WatchHealth("pods", informer, connections, Duration.ofSeconds(30), nanos::get);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void syncedAndRunning() {
        when(informer.hasSynced()).thenReturn(true);
        when(informer.isRunning()).thenReturn(true);
        log.start();
        logger().addAppender(log);
    }

    @AfterEach
    void detach() {
        logger().detachAppender(log);
    }

    @Test
    void aWatchReconnectingWithinTheGracePeriodStaysReadyWithoutALogLine() {
        watching(true);
        assertThat(pods.ready()).isTrue();

        watching(false);
        assertThat(pods.ready()).isTrue();
        advance(Duration.ofSeconds(29));
        assertThat(pods.ready()).isTrue();

        watching(true);
        assertThat(pods.ready()).isTrue();
        advance(Duration.ofSeconds(29));
        watching(false);
        assertThat(pods.ready()).as("the grace period starts again at each end").isTrue();
        assertThat(lines()).isEmpty();
    }

    @Test
    void aWatchDownPastTheGracePeriodIsNotReadyAndSaysWhyOnceThenRecovers() {
        watching(true);
        pods.ready();
        watching(false);
        pods.ready();
        assertThat(pods.retryAfter(true, new IOException("Connection refused")))
                .as("keeps retrying once started")
                .isTrue();

        advance(Duration.ofSeconds(31));
        assertThat(pods.ready()).isFalse();
        assertThat(pods.ready()).isFalse();
        assertThat(lines())
                .containsExactly("WARN the watch of pods has been down for 31000 ms, longer than WATCH_GRACE_PERIOD"
                        + " (30000 ms): not ready until it is back; IOException: Connection refused");

        advance(Duration.ofSeconds(4));
        watching(true);
        assertThat(pods.ready()).isTrue();
        assertThat(lines()).last().isEqualTo("INFO the watch of pods is back after 35000 ms down");
    }

    @Test
    void aStreamingWatchWithItsResponseHeadIsUpBeforeItsFirstEvent() {
        watching(false);
        WatchConnections interceptor = new WatchConnections();
        WatchHealth quiet = new WatchHealth(
                "pods", informer, interceptor.channel(WatchedResource.PODS), Duration.ofSeconds(30), nanos::get);
        interceptor.channel(WatchedResource.PODS).failed("watch failed with HTTP 503");
        streamOpen(interceptor);

        advance(Duration.ofMinutes(5));
        assertThat(quiet.ready()).isTrue();
        assertThat(interceptor.channel(WatchedResource.PODS).lastFailure())
                .as("forgotten once up")
                .doesNotContain("503");
    }

    @Test
    void failingToStartStopsTheInformerSoStartUpNamesTheResource() {
        assertThat(pods.retryAfter(false, new IllegalStateException("forbidden")))
                .isFalse();
    }

    @Test
    void anInformerThatHasNotListedIsNotReady() {
        when(informer.hasSynced()).thenReturn(false);
        watching(true);
        assertThat(pods.ready()).isFalse();
    }

    private void streamOpen(WatchConnections interceptor) {
        HttpRequest request = mock(HttpRequest.class);
        when(request.uri())
                .thenReturn(URI.create("https://kubernetes.default/api/v1/pods?allowWatchBookmarks=true&watch=true"));
        AsyncBody body = mock(AsyncBody.class);
        when(body.done()).thenReturn(new CompletableFuture<>());
        @SuppressWarnings("unchecked")
        HttpResponse<AsyncBody> response = mock(HttpResponse.class);
        when(response.isSuccessful()).thenReturn(true);
        when(response.body()).thenReturn(body);
        interceptor.after(request, response, null);
    }

    private void watching(boolean watching) {
        when(informer.isWatching()).thenReturn(watching);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(WatchHealth.class);
    }

    private List<String> lines() {
        synchronized (log) {
            return log.list.stream()
                    .map(e -> e.getLevel() + " " + e.getFormattedMessage())
                    .toList();
        }
    }
}
