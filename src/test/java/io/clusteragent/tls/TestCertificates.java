package io.clusteragent.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Key pairs and certificates made with openssl for one test, P-256 and valid for a day. */
public final class TestCertificates {

    /** A certificate and its key, as PEM files. */
    public record Pair(Path cert, Path key) {
        /** Copies this pair over {@code target}'s files, each replaced at once as a rotation would. */
        public void copyOnto(Pair target) throws IOException {
            replace(target.cert, cert);
            replace(target.key, key);
        }

        private static void replace(Path target, Path source) throws IOException {
            Path next = target.resolveSibling(target.getFileName() + ".new");
            Files.copy(source, next, StandardCopyOption.REPLACE_EXISTING);
            Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private final Path dir;

    public TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A self-signed server certificate for localhost and 127.0.0.1. */
    public Pair server(String name) throws IOException {
        return selfSigned(name, "subjectAltName=DNS:localhost,IP:127.0.0.1");
    }

    /** A CA that can sign client certificates. */
    public Pair authority(String name) throws IOException {
        return selfSigned(name, "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private Pair selfSigned(String name, String... extensions) throws IOException {
        Pair pair = pair(name);
        List<String> args = new ArrayList<>(List.of(
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                pair.key().toString(),
                "-out",
                pair.cert().toString(),
                "-days",
                "1",
                "-subj",
                "/CN=" + name));
        for (String extension : extensions) {
            args.addAll(List.of("-addext", extension));
        }
        openssl(args.toArray(String[]::new));
        return pair;
    }

    /** A client certificate for {@code subject} (such as {@code /CN=alice/O=sre}) issued by {@code ca}. */
    public Pair client(String name, String subject, Pair ca) throws IOException {
        Pair pair = pair(name);
        Path request = dir.resolve(name + ".csr");
        openssl(
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-keyout",
                pair.key().toString(),
                "-out",
                request.toString(),
                "-subj",
                subject);
        openssl(
                "x509",
                "-req",
                "-in",
                request.toString(),
                "-CA",
                ca.cert().toString(),
                "-CAkey",
                ca.key().toString(),
                "-set_serial",
                Long.toString(System.nanoTime()),
                "-days",
                "1",
                "-out",
                pair.cert().toString());
        return pair;
    }

    private Pair pair(String name) {
        return new Pair(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command + " failed: "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
