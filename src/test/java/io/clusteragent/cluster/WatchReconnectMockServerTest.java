package io.clusteragent.cluster;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches end: API servers, load balancers and fabric8 itself close them every few minutes. A watch
 * that ends and comes back over a synced cache must not take the agent out of service, and a change
 * made while it reconnects must still reach the answers promptly. These tests put a proxy between
 * the agent and the mock API server that ends every watch after {@link #WATCH_LIFETIME}.
 */
@EnableKubernetesMockClient(https = false, crud = true)
@ExtendWith(VertxExtension.class)
class WatchReconnectMockServerTest {

    private static final Duration WATCH_LIFETIME = Duration.ofMillis(1500);

    KubernetesClient mockClient;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private WatchEndingProxy proxy;
    private LiveCluster live;

    @BeforeEach
    void captureTheWatchLog() {
        log.start();
        watchLogger().addAppender(log);
    }

    @AfterEach
    void close() throws Exception {
        watchLogger().detachAppender(log);
        if (live != null) {
            live.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void watchesThatEndEveryFewSecondsKeepTheAgentReady(Vertx vertx) throws Exception {
        connectThroughProxy(vertx, Duration.ofSeconds(30));

        long until = System.nanoTime() + WATCH_LIFETIME.multipliedBy(5).toNanos();
        int polls = 0;
        // /readyz and the /api gate read this on every request
        while (System.nanoTime() < until) {
            assertThat(live.state().syncStatus()).as("poll %d", polls).doesNotContainValue(false);
            polls++;
            Thread.sleep(20);
        }
        assertThat(proxy.watchesEnded()).as("watches ended while polling").isGreaterThanOrEqualTo(2 * 11);
    }

    @Test
    void aChangeMadeRightAfterAWatchEndsReachesTheCacheWithinASecond(Vertx vertx) throws Exception {
        connectThroughProxy(vertx, Duration.ofSeconds(30));
        CompletableFuture<Void> podsWatchEnded = new CompletableFuture<>();
        proxy.onWatchEnded(uri -> {
            if (URI.create(uri).getPath().equals("/api/v1/pods")) {
                podsWatchEnded.complete(null);
            }
        });
        podsWatchEnded.get(10, TimeUnit.SECONDS);

        long changed = System.nanoTime();
        mockClient.pods().inNamespace("shop").resource(pod("web-2")).create();

        assertWithin(
                Duration.ofSeconds(10),
                () -> assertThat(live.state().pod("shop", "web-2")).isPresent());
        // assertWithin polls every 50 ms: the time it took is, to that much, the time the change took to arrive
        assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(Duration.ofSeconds(1));
    }

    /**
     * The proxy answers WebSocket upgrades with 400, which fabric8 would take for a failed watch, and
     * the resources without objects get no byte on their watches: neither may keep the agent unready.
     */
    @Test
    void throughAProxyWithoutWebSocketsQuietWatchesStayReadyPastTheGracePeriod(Vertx vertx) throws Exception {
        proxy = WatchEndingProxy.start(vertx, mockPort(), Duration.ofMinutes(10))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        live = LiveCluster.connect(
                vertx, throughProxy(), Clock.systemUTC(), Duration.ofMinutes(10), Duration.ofMillis(500));
        sync();

        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            assertThat(live.state().syncStatus()).doesNotContainValue(false);
            Thread.sleep(50);
        }
        assertThat(proxy.upgradesRefused()).isZero();
    }

    @Test
    void aWatchDownPastTheGracePeriodMakesTheAgentUnreadyWithAWarningAndReadyAgainWhenItIsBack(Vertx vertx)
            throws Exception {
        connectThroughProxy(vertx, Duration.ofSeconds(1));
        // on a loaded machine the first watch heads can take longer than this short grace period
        assertWithin(
                Duration.ofSeconds(15),
                () -> assertThat(live.state().syncStatus()).doesNotContainValue(false));

        int linesBefore = lines().size();
        proxy.down(true);
        assertWithin(
                Duration.ofSeconds(15),
                () -> assertThat(live.state().syncStatus()).containsEntry("pods", false));
        assertThat(live.state().synced()).isFalse();

        proxy.down(false);
        assertWithin(
                Duration.ofSeconds(20), () -> assertThat(live.state().synced()).isTrue());
        List<String> outage = lines().subList(linesBefore, lines().size());
        assertThat(outage)
                .filteredOn(line -> line.startsWith("WARN the watch of pods "))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("longer than WATCH_GRACE_PERIOD (1000 ms)")
                        .contains("watch failed with"));
        assertThat(outage).anySatisfy(line -> assertThat(line).startsWith("INFO the watch of pods is back after"));
    }

    private void connectThroughProxy(Vertx vertx, Duration grace) throws Exception {
        proxy = WatchEndingProxy.start(vertx, mockPort(), WATCH_LIFETIME)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        mockClient
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .build())
                .create();
        mockClient.pods().inNamespace("shop").resource(pod("web-1")).create();
        live = LiveCluster.connect(vertx, throughProxy(), Clock.systemUTC(), Duration.ofMinutes(10), grace);
        sync();
    }

    private Config throughProxy() {
        return new ConfigBuilder(mockClient.getConfiguration())
                .withMasterUrl("http://127.0.0.1:" + proxy.port())
                .build();
    }

    private int mockPort() {
        return URI.create(mockClient.getConfiguration().getMasterUrl()).getPort();
    }

    private void sync() throws Exception {
        live.awaitSynced(Duration.ofSeconds(30))
                .toCompletionStage()
                .toCompletableFuture()
                .get(40, TimeUnit.SECONDS);
    }

    private static io.fabric8.kubernetes.api.model.Pod pod(String name) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("nginx:1.27")
                .endContainer()
                .endSpec()
                .build();
    }

    private static Logger watchLogger() {
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
