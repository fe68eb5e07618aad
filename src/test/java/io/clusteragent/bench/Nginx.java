package io.clusteragent.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx serving files from a directory of its own, tuned as one would tune it for static JSON: no access
 * log, sendfile, open files cached, keep-alive without a request limit. The benchmark's limit for what a
 * kept answer costs.
 */
final class Nginx implements AutoCloseable {

    /** Where the file of a compressed answer lives, so that nginx can label it {@code Content-Encoding: gzip}. */
    private static final String GZIP_ROOT = "/gzip";

    private final Process process;
    private final Path directory;
    private final int port;

    private Nginx(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** The path nginx serves the answer to {@code path} at, as asked for with {@code headers}. */
    static String fileOf(String path, Map<String, String> headers) {
        return "gzip".equals(headers.get("Accept-Encoding")) ? GZIP_ROOT + path : path;
    }

    /** Starts nginx with {@code workers} worker processes, serving each body at its path. */
    static Nginx serving(String command, Map<String, byte[]> files, int workers) throws Exception {
        Path directory = Files.createTempDirectory("bench-nginx");
        Path root = directory.resolve("root");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = root.resolve(file.getKey().substring(1));
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Files.createDirectories(directory.resolve("temp"));
        // The workers run as nobody when the benchmark runs as root.
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.toList()) {
                Files.setPosixFilePermissions(
                        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        int port = freePort();
        String temp = directory.resolve("temp").toString();
        Files.writeString(directory.resolve("nginx.conf"), """
                daemon off;
                worker_processes %d;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    keepalive_requests 100000000;
                    keepalive_timeout 60s;
                    open_file_cache max=20000 inactive=60s;
                    client_body_temp_path %s/body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    types { }
                    default_type application/json;
                    server {
                        listen 127.0.0.1:%d;
                        root %s;
                        location %s/ { add_header Content-Encoding gzip; }
                    }
                }
                """.formatted(
                        workers, directory, directory, temp, temp, temp, temp, temp, port, root, GZIP_ROOT));
        Process process = new ProcessBuilder(
                        command,
                        "-p",
                        directory.toString(),
                        "-e",
                        directory.resolve("error.log").toString(),
                        "-c",
                        directory.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, directory, port);
        nginx.awaitListening();
        return nginx;
    }

    int port() {
        return port;
    }

    /** The master process; its workers are its children. */
    ProcessHandle process() {
        return process.toHandle();
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "nginx did not start: " + Files.readString(directory.resolve("stdout.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on port " + port + " within 10 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
