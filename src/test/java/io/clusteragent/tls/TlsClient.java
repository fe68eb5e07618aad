package io.clusteragent.tls;

import io.clusteragent.testing.RawClient;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;

import java.io.IOException;
import java.math.BigInteger;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * A JDK TLS client that accepts whatever certificate the server shows, so a test can look at which one it
 * was; with a client certificate when given one, and only the protocols and suites a test asks for.
 */
final class TlsClient {

    /** Records the certificate the server showed instead of judging it. */
    private static final X509TrustManager ANY_SERVER = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    /**
     * Presents the client certificate whatever CAs the server names: the JDK's own choice would keep a
     * certificate from an unknown CA to itself, and the server would never have to refuse it.
     */
    private static final class AlwaysPresented extends X509ExtendedKeyManager {
        private final X509KeyManager pem;
        private final String alias;

        AlwaysPresented(X509KeyManager pem) {
            this.pem = pem;
            this.alias = pem.getClientAliases("EC", null)[0];
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String name) {
            return pem.getCertificateChain(name);
        }

        @Override
        public PrivateKey getPrivateKey(String name) {
            return pem.getPrivateKey(name);
        }
    }

    private final SSLSocket socket;

    private TlsClient(SSLSocket socket) {
        this.socket = socket;
    }

    static TlsClient connect(int port) throws Exception {
        return connect(port, null, Optional.empty(), null, null);
    }

    /**
     * @param protocols    the only protocols offered; all the JDK's defaults when null
     * @param cipherSuites the only suites offered; the JDK's defaults when null
     */
    static TlsClient connect(
            int port,
            Vertx vertx,
            Optional<TestCertificates.Pair> clientCert,
            String[] protocols,
            String[] cipherSuites)
            throws Exception {
        KeyManager[] keys = null;
        if (clientCert.isPresent()) {
            X509KeyManager pem = (X509KeyManager) new PemKeyCertOptions()
                    .setCertPath(clientCert.get().cert().toString())
                    .setKeyPath(clientCert.get().key().toString())
                    .getKeyManagerFactory(vertx)
                    .getKeyManagers()[0];
            keys = new KeyManager[] {new AlwaysPresented(pem)};
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, new TrustManager[] {ANY_SERVER}, new SecureRandom());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(10_000);
        if (protocols != null) {
            socket.setEnabledProtocols(protocols);
        }
        if (cipherSuites != null) {
            socket.setEnabledCipherSuites(cipherSuites);
        }
        socket.startHandshake();
        return new TlsClient(socket);
    }

    BigInteger serverSerial() throws IOException {
        return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
    }

    String protocol() {
        return socket.getSession().getProtocol();
    }

    /** One GET on this connection, kept alive. */
    RawClient.Answer get(String path) throws IOException {
        RawClient http = RawClient.over(socket);
        http.send(RawClient.get(path));
        return http.read();
    }

    void close() throws IOException {
        socket.close();
    }
}
