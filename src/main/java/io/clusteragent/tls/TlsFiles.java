package io.clusteragent.tls;

import io.clusteragent.config.Setting;
import io.clusteragent.config.TlsSettings;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The TLS files as read at one moment. What is validated is exactly what is served: the bytes are read
 * once and handed to Vert.x as values, never read again from a path a rotation may be rewriting.
 *
 * @param digest SHA-256 over all three contents; a change of any file changes it
 */
record TlsFiles(Buffer cert, Buffer key, Optional<Buffer> clientCa, String digest) {

    /**
     * Blocking: reads the files the settings name. Kubernetes updates a Secret volume by pointing its
     * {@code ..data} link at a new directory, so each file is read through its link, afresh, every time.
     *
     * @throws UncheckedIOException naming the setting whose file cannot be read
     */
    static TlsFiles read(TlsSettings settings) {
        byte[] cert = readSetting(Setting.TLS_CERT_FILE, settings.certFile().orElseThrow());
        byte[] key = readSetting(Setting.TLS_KEY_FILE, settings.keyFile().orElseThrow());
        Optional<byte[]> clientCa = settings.clientCaFile().map(path -> readSetting(Setting.TLS_CLIENT_CA_FILE, path));
        MessageDigest sha256 = sha256();
        for (byte[] content : new byte[][] {cert, key, clientCa.orElse(new byte[0])}) {
            sha256.update(Integer.toString(content.length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha256.update(content);
        }
        return new TlsFiles(
                Buffer.buffer(cert),
                Buffer.buffer(key),
                clientCa.map(Buffer::buffer),
                HexFormat.of().formatHex(sha256.digest()));
    }

    private static byte[] readSetting(Setting setting, Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(setting.env() + ": cannot read " + path + ": " + e, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
