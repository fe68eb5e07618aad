package io.clusteragent.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of an incident across cycles and agent restarts: the first 16 hex digits of the
 * SHA-256 of cluster, type, namespace and resource. The namespace is part of it because
 * {@code pod/web-0} can exist in many namespaces.
 */
public final class Fingerprints {

    private Fingerprints() {}

    public static String of(String clusterId, Finding finding) {
        String identity = String.join(
                "\u0000",
                clusterId,
                finding.type().label(),
                finding.namespace() == null ? "" : finding.namespace(),
                finding.resource());
        return HexFormat.of().formatHex(sha256(identity)).substring(0, 16);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
