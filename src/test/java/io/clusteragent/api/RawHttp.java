package io.clusteragent.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request written byte for byte on its own connection, for what an HTTP client will not send:
 * no Host header, a broken percent-escape, {@code OPTIONS *}, a made-up method. The request asks the
 * server to close the connection, so the answer is everything read until it does.
 */
record RawHttp(int status, Map<String, String> headers, String body) {

    static RawHttp exchange(int port, String requestLineAndHeaders) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String request = requestLineAndHeaders + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request line and a Host header. */
    static RawHttp exchange(int port, String method, String target, String... headerLines) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headerLines) {
            request.append(header).append("\r\n");
        }
        return exchange(port, request.toString());
    }

    private static RawHttp parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete response head in: " + response);
        }
        String[] lines = response.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        return new RawHttp(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(end + 4));
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
