package io.clusteragent.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** What a request offers to prove who sent it. None of these print a token. */
public sealed interface Credentials {

    /**
     * The credentials of a request: its verified client certificate first, as the API server tries x509
     * before tokens, else its {@code Authorization} header.
     *
     * @param certificate the TLS peer's certificate, verified against the client CA; null without one
     * @param authorization the {@code Authorization} header; null without one
     */
    static Credentials of(X509Certificate certificate, String authorization) {
        if (certificate != null) {
            return new ClientCertificate(certificate);
        }
        if (authorization == null) {
            return Absent.INSTANCE;
        }
        String[] parts = authorization.trim().split(" +", -1);
        if (parts.length == 2 && parts[0].toLowerCase(Locale.ROOT).equals("bearer") && !parts[1].isEmpty()) {
            return new BearerToken(parts[1]);
        }
        return Malformed.INSTANCE;
    }

    enum Absent implements Credentials {
        INSTANCE
    }

    /** An {@code Authorization} header that is not {@code Bearer <token>}. */
    enum Malformed implements Credentials {
        INSTANCE
    }

    record ClientCertificate(X509Certificate certificate) implements Credentials {}

    /** A bearer token: sent to the API server to review, and known everywhere else by its digest only. */
    final class BearerToken implements Credentials {

        private final String token;

        BearerToken(String token) {
            this.token = token;
        }

        String token() {
            return token;
        }

        /** The SHA-256 of the token, hex: what the token cache is keyed by, so the cache holds no token. */
        String digest() {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        @Override
        public String toString() {
            return "BearerToken[redacted]";
        }
    }
}
