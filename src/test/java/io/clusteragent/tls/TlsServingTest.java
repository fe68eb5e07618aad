package io.clusteragent.tls;

import io.clusteragent.testing.Eventually;
import io.clusteragent.testing.LogCapture;
import io.clusteragent.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent over HTTPS: what it accepts, and how it changes certificates while it runs. */
class TlsServingTest {

    @TempDir
    Path dir;

    private TestCertificates.Pair served;

    private ServedAgent agent(Map<String, String> extra) throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        served = certificates.server("served");
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "TLS_CERT_FILE", served.cert().toString(),
                "TLS_KEY_FILE", served.key().toString(),
                "TLS_RELOAD_INTERVAL", "100ms"));
        env.putAll(extra);
        return new ServedAgent(env, dir);
    }

    @Test
    void servesHttpsWithTheConfiguredCertificateAndNoPlainHttp() throws Exception {
        try (ServedAgent agent = agent(Map.of())) {
            TlsClient client = TlsClient.connect(agent.port);
            assertThat(client.serverSerial()).isEqualTo(serial(served.cert()));
            assertThat(client.get("/healthz").status()).isEqualTo(200);
            assertThat(client.protocol()).isEqualTo("TLSv1.3");
            client.close();

            try (RawClient plain = RawClient.connect(agent.port)) {
                plain.send(RawClient.get("/healthz"));
                assertThatThrownBy(plain::read)
                        .as("no HTTP answer to plain HTTP")
                        .isInstanceOf(Exception.class);
            }
        }
    }

    @Test
    void tls12WithoutForwardSecrecyOrAeadIsRefused() throws Exception {
        try (ServedAgent agent = agent(Map.of())) {
            TlsClient aead = TlsClient.connect(
                    agent.port, agent.vertx, Optional.empty(), new String[] {"TLSv1.2"}, new String[] {
                        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
                    });
            assertThat(aead.protocol()).isEqualTo("TLSv1.2");
            assertThat(aead.get("/healthz").status()).isEqualTo(200);
            aead.close();

            assertThatThrownBy(() -> TlsClient.connect(
                            agent.port, agent.vertx, Optional.empty(), new String[] {"TLSv1.2"}, new String[] {
                                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"
                            }))
                    .as("CBC")
                    .isInstanceOf(SSLException.class);
        }
    }

    /** The JDK will not even offer TLS 1.1; openssl still does when told to (security level 0). */
    @Test
    void aTls11OnlyClientIsRefusedWhileTls12IsServed() throws Exception {
        try (ServedAgent agent = agent(Map.of())) {
            assertThat(sClient(agent.port, "-tls1_2"))
                    .contains("Protocol  : TLSv1.2")
                    .doesNotContain("alert");
            assertThat(sClient(agent.port, "-tls1_1"))
                    .as("a TLS 1.1 hello reaches the server, which answers with a protocol_version alert")
                    .contains("alert protocol version")
                    .contains("no peer certificate available");
        }
    }

    @Test
    void rotatedFilesReachNewConnectionsWhileAnOpenOneKeepsWorking() throws Exception {
        try (ServedAgent agent = agent(Map.of())) {
            TlsClient open = TlsClient.connect(agent.port);
            BigInteger first = open.serverSerial();
            assertThat(open.get("/healthz").status()).isEqualTo(200);

            TestCertificates.Pair renewed = new TestCertificates(dir).server("renewed");
            renewed.copyOnto(served);

            BigInteger expected = serial(renewed.cert());
            Eventually.assertWithin(
                    Duration.ofSeconds(10),
                    () -> assertThat(newConnectionSerial(agent.port)).isEqualTo(expected));
            assertThat(open.get("/healthz").status()).as("the open connection").isEqualTo(200);
            assertThat(open.serverSerial()).isEqualTo(first);
            open.close();
            assertThat(scrape(agent.port))
                    .contains("cluster_agent_tls_reloads_total 1.0")
                    .contains("cluster_agent_tls_reload_failures_total 0.0");
        }
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsRefusedLoggedAndCounted() throws Exception {
        try (ServedAgent agent = agent(Map.of());
                LogCapture log = LogCapture.of(CertificateReloader.class)) {
            BigInteger first = serial(served.cert());
            TestCertificates.Pair other = new TestCertificates(dir).server("other");
            Files.copy(other.key(), served.key(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            Eventually.assertWithin(
                    Duration.ofSeconds(10),
                    () -> assertThat(scrape(agent.port)).contains("cluster_agent_tls_reload_failures_total 1.0"));
            assertThat(log.lines())
                    .anyMatch(line ->
                            line.startsWith("WARN ") && line.contains("the key does not belong to the certificate"));
            assertThat(newConnectionSerial(agent.port)).isEqualTo(first);
            assertThat(scrape(agent.port)).contains("cluster_agent_tls_reloads_total 0.0");
        }
    }

    @Test
    void theExpiryOfTheServedCertificateIsAGauge() throws Exception {
        try (ServedAgent agent = agent(Map.of())) {
            X509Certificate certificate = certificate(served.cert());
            assertThat(scrape(agent.port))
                    .contains("cluster_agent_tls_certificate_not_after_seconds "
                            + (double) certificate.getNotAfter().toInstant().getEpochSecond());
        }
    }

    @Test
    void aPairThatDoesNotMatchStopsStartUpSayingWhy() throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        TestCertificates.Pair one = certificates.server("one");
        TestCertificates.Pair two = certificates.server("two");
        assertThatThrownBy(() -> new ServedAgent(
                        Map.of(
                                "TLS_CERT_FILE",
                                one.cert().toString(),
                                "TLS_KEY_FILE",
                                two.key().toString()),
                        dir))
                .hasRootCauseMessage("the key does not belong to the certificate (CN=one)");
    }

    private static String scrape(int port) {
        try {
            TlsClient client = TlsClient.connect(port);
            String body = client.get("/metrics").body();
            client.close();
            return body;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static BigInteger newConnectionSerial(int port) {
        try {
            TlsClient client = TlsClient.connect(port);
            BigInteger serial = client.serverSerial();
            client.close();
            return serial;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static BigInteger serial(Path pem) throws Exception {
        return certificate(pem).getSerialNumber();
    }

    private static String sClient(int port, String protocol) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(
                        "openssl",
                        "s_client",
                        "-connect",
                        "127.0.0.1:" + port,
                        protocol,
                        "-cipher",
                        "DEFAULT:@SECLEVEL=0"))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
