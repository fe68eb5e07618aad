package io.clusteragent.tls;

import io.clusteragent.config.TlsSettings;
import io.clusteragent.testing.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

import static io.clusteragent.tls.ServedAgent.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With TLS_CLIENT_CA_FILE, a request's connection carries the client certificate the CA vouched for,
 * where authentication reads it ({@code sslSession().getPeerCertificates()}); a certificate from another
 * CA ends the handshake, and no certificate at all is no obstacle.
 */
class ClientCertificatesTest {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private TestCertificates certificates;
    private TestCertificates.Pair ca;
    private CertificateReloader reloader;
    private int port;

    @AfterEach
    void close() throws Exception {
        reloader.stop();
        await(vertx.close());
    }

    private void serve() throws Exception {
        certificates = new TestCertificates(dir);
        TestCertificates.Pair server = certificates.server("server");
        ca = certificates.authority("clients-ca");
        Path caFile = Files.copy(ca.cert(), dir.resolve("client-ca.crt"));
        reloader = new CertificateReloader(
                vertx,
                new TlsSettings(
                        Optional.of(server.cert()),
                        Optional.of(server.key()),
                        Optional.of(caFile),
                        Duration.ofMillis(100)),
                Clock.systemUTC(),
                new SimpleMeterRegistry(),
                5000);
        HttpServer http = await(reloader.secure(new HttpServerOptions().setPort(0))
                .compose(options -> vertx.createHttpServer(options)
                        .requestHandler(request -> request.response().end(peer(request)))
                        .listen()));
        reloader.watch(http);
        port = http.actualPort();
    }

    private static String peer(HttpServerRequest request) {
        try {
            X509Certificate leaf =
                    (X509Certificate) request.connection().sslSession().getPeerCertificates()[0];
            return leaf.getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return "none";
        }
    }

    @Test
    void aCertificateFromTheClientCaReachesTheRequest() throws Exception {
        serve();
        TestCertificates.Pair alice = certificates.client("alice", "/CN=alice/O=sre", ca);

        assertThat(requestWith(Optional.of(alice))).isEqualTo("O=sre,CN=alice");
    }

    @Test
    void aClientWithoutCertificateStillConnects() throws Exception {
        serve();

        assertThat(requestWith(Optional.empty())).isEqualTo("none");
    }

    @Test
    void aCertificateFromAnotherCaEndsTheHandshake() throws Exception {
        serve();
        TestCertificates.Pair stranger =
                certificates.client("mallory", "/CN=mallory/O=sre", certificates.authority("other-ca"));

        assertThatThrownBy(() -> requestWith(Optional.of(stranger))).isInstanceOf(IOException.class);
    }

    @Test
    void aRotatedClientCaIsUsedForTheNextHandshakes() throws Exception {
        serve();
        TestCertificates.Pair next = certificates.authority("next-ca");
        TestCertificates.Pair bob = certificates.client("bob", "/CN=bob", next);
        assertThatThrownBy(() -> requestWith(Optional.of(bob))).isInstanceOf(IOException.class);

        Path staged = Files.copy(next.cert(), dir.resolve("staged.crt"));
        Files.move(
                staged,
                dir.resolve("client-ca.crt"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);

        Eventually.assertWithin(Duration.ofSeconds(10), () -> {
            try {
                assertThat(requestWith(Optional.of(bob))).isEqualTo("CN=bob");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private String requestWith(Optional<TestCertificates.Pair> certificate) throws Exception {
        TlsClient client = TlsClient.connect(port, vertx, certificate, null, null);
        try {
            return client.get("/").body();
        } finally {
            client.close();
        }
    }
}
