package io.clusteragent.api;

import io.clusteragent.Main;
import io.clusteragent.auth.AccessCheck;
import io.clusteragent.auth.AccessControl;
import io.clusteragent.auth.AccessDecision;
import io.clusteragent.auth.AccessReviews;
import io.clusteragent.auth.Caller;
import io.clusteragent.auth.TokenReviewResult;
import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.config.AuthSettings;
import io.clusteragent.health.Probes;
import io.clusteragent.testing.ShopCluster;
import io.clusteragent.tls.TestCertificates;
import io.clusteragent.tls.TestCertificates.Pair;
import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over TLS, a client certificate the client CA signed names the caller as the API server's x509 authenticator
 * would: its common name is the user, its organizations are the groups; access is still reviewed for that caller.
 */
class ClientCertificateIdentityTest {

    @TempDir
    static Path keys;

    private static Pair agentCertificate;
    private static Pair clientAuthority;
    private static Pair alice;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(Main.metricsOptions()));
    private final List<Caller> reviewed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void generateKeyPairs() throws Exception {
        TestCertificates certificates = new TestCertificates(keys);
        agentCertificate = certificates.server("localhost");
        clientAuthority = certificates.authority("client-ca");
        alice = certificates.client("alice", "/O=shop-readers/O=oncall/CN=alice", clientAuthority);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Metrics.globalRegistry.clear();
    }

    @Test
    void theCertificatesCommonNameIsTheUserAndItsOrganizationsTheGroups() throws Exception {
        int port = serve();

        HttpResponse<Buffer> response =
                await(client(true).get(port, "localhost", "/metrics").send());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(reviewed)
                .singleElement()
                .isEqualTo(
                        new Caller("alice", List.of("shop-readers", "oncall", "system:authenticated"), "", Map.of()));
    }

    @Test
    void overTlsWithoutACertificateOrTokenTheAnswerIs401() throws Exception {
        int port = serve();

        HttpResponse<Buffer> response =
                await(client(false).get(port, "localhost", "/metrics").send());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(reviewed).isEmpty();
    }

    private int serve() throws Exception {
        AgentConfig defaults = AgentConfig.defaults();
        AuthSettings settings = new AuthSettings(
                AuthSettings.Mode.KUBERNETES,
                List.of(),
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                100,
                Duration.ofSeconds(5),
                0);
        AccessReviews reviews = new AccessReviews() {
            @Override
            public Future<TokenReviewResult> reviewToken(String token, List<String> audiences) {
                return Future.succeededFuture(TokenReviewResult.rejected());
            }

            @Override
            public Future<AccessDecision> review(Caller caller, AccessCheck check) {
                reviewed.add(caller);
                return Future.succeededFuture(new AccessDecision(true, ""));
            }
        };
        var router = ApiRouter.create(
                vertx,
                ShopCluster.withOneRunningPod(),
                Clock.systemUTC(),
                vertx.createSharedWorkerExecutor("client-certificates"),
                defaults,
                new ResponseCache(defaults.responseCacheBytes()),
                new Probes(vertx, ShopCluster.withOneRunningPod()),
                Optional.empty(),
                AccessControl.kubernetes(vertx, settings, reviews),
                CadvisorMetrics.create(defaults.cadvisor(), ShopCluster.withOneRunningPod(), Clock.systemUTC()));
        HttpServer server = await(vertx.createHttpServer(new HttpServerOptions()
                        .setPort(0)
                        .setHost("localhost")
                        .setSsl(true)
                        .setKeyCertOptions(new PemKeyCertOptions()
                                .setKeyPath(agentCertificate.key().toString())
                                .setCertPath(agentCertificate.cert().toString()))
                        .setTrustOptions(new PemTrustOptions()
                                .addCertPath(clientAuthority.cert().toString()))
                        .setClientAuth(ClientAuth.REQUEST))
                .requestHandler(router)
                .listen());
        return server.actualPort();
    }

    private WebClient client(boolean withCertificate) {
        WebClientOptions options = new WebClientOptions()
                .setSsl(true)
                .setTrustOptions(new PemTrustOptions()
                        .addCertPath(agentCertificate.cert().toString()));
        if (withCertificate) {
            options.setKeyCertOptions(new PemKeyCertOptions()
                    .setKeyPath(alice.key().toString())
                    .setCertPath(alice.cert().toString()));
        }
        return WebClient.create(vertx, options);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
