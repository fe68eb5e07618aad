package io.clusteragent.tls;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.impl.KeyStoreHelper;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;

/**
 * A certificate, its key and the client CAs, checked to be usable together before they are served: the
 * PEM parses as Vert.x parses it (PKCS#8, PKCS#1 and SEC1 keys), the key is the private half of the
 * leaf certificate's public key, and the leaf has not expired.
 *
 * @param leaf the certificate clients are shown
 */
record ServingCertificate(
        TlsFiles files, X509Certificate leaf, PemKeyCertOptions keyCert, Optional<PemTrustOptions> clientCa) {

    /** A pair that cannot be served, and why, in words for the log. */
    static final class Unusable extends Exception {
        Unusable(String reason) {
            super(reason);
        }

        Unusable(String reason, Throwable cause) {
            super(reason + ": " + cause.getMessage(), cause);
        }
    }

    /** Blocking only in that it does cryptography; reads nothing. */
    static ServingCertificate validate(Vertx vertx, TlsFiles files, Instant now) throws Unusable {
        PemKeyCertOptions keyCert =
                new PemKeyCertOptions().addCertValue(files.cert()).addKeyValue(files.key());
        KeyStore.PrivateKeyEntry entry = entry(vertx, keyCert);
        X509Certificate leaf = (X509Certificate) entry.getCertificate();
        checkKeyMatches(entry.getPrivateKey(), leaf);
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            throw new Unusable(
                    "the certificate expired at " + leaf.getNotAfter().toInstant());
        }
        Optional<PemTrustOptions> clientCa = Optional.empty();
        if (files.clientCa().isPresent()) {
            clientCa = Optional.of(checkedCa(files.clientCa().get()));
        }
        return new ServingCertificate(files, leaf, keyCert, clientCa);
    }

    private static KeyStore.PrivateKeyEntry entry(Vertx vertx, PemKeyCertOptions keyCert) throws Unusable {
        try {
            KeyStore store = keyCert.loadKeyStore(vertx);
            // Vert.x protects the entries of the store it builds from PEM with this fixed password.
            KeyStore.PasswordProtection password =
                    new KeyStore.PasswordProtection(KeyStoreHelper.DUMMY_PASSWORD.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return (KeyStore.PrivateKeyEntry) store.getEntry(alias, password);
                }
            }
            throw new Unusable("no private key and certificate found");
        } catch (Unusable e) {
            throw e;
        } catch (Exception e) {
            throw new Unusable("the certificate or the key cannot be read", e);
        }
    }

    /** Signs a random challenge with the key and verifies it with the certificate's public key. */
    private static void checkKeyMatches(PrivateKey key, X509Certificate leaf) throws Unusable {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> throw new Unusable("keys of type " + key.getAlgorithm() + " are not supported");
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            if ("RSASSA-PSS".equals(algorithm)) {
                signer.setParameter(new java.security.spec.PSSParameterSpec(
                        "SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            signer.initVerify(leaf.getPublicKey());
            signer.update(challenge);
            if (!signer.verify(signature)) {
                throw new Unusable("the key does not belong to the certificate (" + subject(leaf) + ")");
            }
        } catch (GeneralSecurityException e) {
            throw new Unusable("the key does not belong to the certificate (" + subject(leaf) + ")", e);
        }
    }

    private static PemTrustOptions checkedCa(Buffer pem) throws Unusable {
        Collection<? extends Certificate> cas;
        try {
            cas = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes()));
        } catch (GeneralSecurityException e) {
            throw new Unusable("the client CA file cannot be read", e);
        }
        if (cas.isEmpty()) {
            throw new Unusable("the client CA file holds no certificate");
        }
        return new PemTrustOptions().addCertValue(pem);
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    /** What the log says of a served certificate. */
    String describe() {
        return "subject=" + subject(leaf) + " serial=" + leaf.getSerialNumber().toString(16) + " notAfter="
                + leaf.getNotAfter().toInstant() + (clientCa.isPresent() ? " clientCertificates=verified" : "");
    }
}
