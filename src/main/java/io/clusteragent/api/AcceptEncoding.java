package io.clusteragent.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Whether a request's {@code Accept-Encoding} (RFC 9110, section 12.5.3) accepts gzip: named as
 * {@code gzip} or {@code x-gzip}, or matched by {@code *}, with a weight above zero. Parsed without
 * allocating, since it is read on every request for a kept answer.
 */
final class AcceptEncoding {

    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    private static final CharSequence ACCEPT_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");

    private AcceptEncoding() {}

    /**
     * Whether {@code request}'s answer is to be gzip-compressed; its response says, either way, that it
     * varies with {@code Accept-Encoding}, which shared caches must know.
     */
    static boolean negotiateGzip(HttpServerRequest request) {
        request.response().putHeader(HttpHeaders.VARY, ACCEPT_ENCODING);
        return acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    }

    /** Labels a response whose body is gzip-compressed. */
    static HttpServerResponse gzipped(HttpServerResponse response) {
        return response.putHeader(HttpHeaders.CONTENT_ENCODING, GZIP);
    }

    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        boolean wildcard = false;
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = header.length();
            }
            int semicolon = header.indexOf(';', start);
            int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            int from = skipSpaces(header, start, nameEnd);
            int to = trimSpaces(header, from, nameEnd);
            boolean weighted = nameEnd < end && !acceptable(header, nameEnd + 1, end);
            if (is(header, from, to, "gzip") || is(header, from, to, "x-gzip")) {
                return !weighted;
            }
            if (is(header, from, to, "*")) {
                wildcard = !weighted;
            }
            start = end + 1;
        }
        return wildcard;
    }

    /** Whether the parameters between {@code from} and {@code to} leave a weight above zero (q=0, q=0.0, q=0.000 refuse). */
    private static boolean acceptable(String header, int from, int to) {
        int q = skipSpaces(header, from, to);
        if (q + 1 >= to || Character.toLowerCase(header.charAt(q)) != 'q' || header.charAt(q + 1) != '=') {
            return true;
        }
        for (int i = q + 2; i < trimSpaces(header, q + 2, to); i++) {
            char c = header.charAt(i);
            if (c != '0' && c != '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean is(String header, int from, int to, String token) {
        return to - from == token.length() && header.regionMatches(true, from, token, 0, token.length());
    }

    private static int skipSpaces(String header, int from, int to) {
        while (from < to && (header.charAt(from) == ' ' || header.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimSpaces(String header, int from, int to) {
        while (to > from && (header.charAt(to - 1) == ' ' || header.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }
}
