package io.clusteragent.tls;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SSLOptions;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The TLS the agent speaks, in one place for the server's start and for every reload: a reload replaces
 * all of the server's SSL options, so protocols and cipher suites must be given again each time.
 */
final class TlsServerOptions {

    /** TLS 1.0 and 1.1 are deprecated (RFC 8996). */
    static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

    /**
     * Forward-secret key exchange (ECDHE) with an AEAD cipher for TLS 1.2, the Mozilla "intermediate"
     * list; TLS 1.3's suites are all of that kind. CBC suites and static RSA key exchange are left out.
     */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsServerOptions() {}

    /** Turns {@code options} into HTTPS with {@code certificate}; a handshake must finish within {@code handshakeMillis}. */
    static void apply(HttpServerOptions options, ServingCertificate certificate, long handshakeMillis) {
        options.setSsl(true)
                // REQUEST, not REQUIRED: a caller with a bearer token and no certificate still connects.
                .setClientAuth(certificate.clientCa().isPresent() ? ClientAuth.REQUEST : ClientAuth.NONE);
        fill(options.getSslOptions(), certificate, handshakeMillis);
    }

    /** The options a reload hands to the running server, which replace all of its SSL options. */
    static SSLOptions sslOptions(ServingCertificate certificate, long handshakeMillis) {
        return fill(new SSLOptions(), certificate, handshakeMillis);
    }

    private static SSLOptions fill(SSLOptions ssl, ServingCertificate certificate, long handshakeMillis) {
        ssl.setKeyCertOptions(certificate.keyCert())
                .setTrustOptions(certificate.clientCa().orElse(null))
                .setEnabledSecureTransportProtocols(PROTOCOLS)
                // Without ALPN, every connection stays HTTP/1.1, as the connection guard expects.
                .setUseAlpn(false)
                .setSslHandshakeTimeout(handshakeMillis)
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
        ssl.getEnabledCipherSuites().clear();
        CIPHER_SUITES.forEach(ssl::addEnabledCipherSuite);
        return ssl;
    }
}
