package io.clusteragent.config;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A URL as a log line may show it. The Agent Service URL can carry a password in its user-info and a
 * token in its query ({@code ?token=...}); neither may reach a log. The scheme, host, port, path and
 * the names of the query parameters stay, so an operator can still tell which endpoint is meant.
 */
public final class RedactedUrl {

    static final String HIDDEN = "***";

    private RedactedUrl() {}

    /** {@code https://user:pw@host:8443/events?token=s3cret#x} as {@code https://host:8443/events?token=***}. */
    public static String of(URI url) {
        StringBuilder text = new StringBuilder();
        if (url.getScheme() != null) {
            text.append(url.getScheme()).append("://");
        }
        if (url.getHost() != null) {
            text.append(url.getHost());
        }
        if (url.getPort() != -1) {
            text.append(':').append(url.getPort());
        }
        if (url.getRawPath() != null) {
            text.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            text.append('?').append(hiddenValues(url.getRawQuery()));
        }
        return text.toString();
    }

    /**
     * A message that may quote {@code url}, an HTTP client's error for instance ("...while executing
     * POST /events?token=... for server ..."), with the URL's user-info and query values hidden.
     */
    public static String scrub(String message, URI url) {
        if (message == null) {
            return null;
        }
        String scrubbed = message;
        if (url.getRawUserInfo() != null) {
            scrubbed = scrubbed.replace(url.getRawUserInfo() + "@", "").replace(url.getRawUserInfo(), HIDDEN);
        }
        if (url.getRawQuery() != null) {
            scrubbed = scrubbed.replace(url.getRawQuery(), hiddenValues(url.getRawQuery()));
        }
        return scrubbed;
    }

    private static String hiddenValues(String rawQuery) {
        return Arrays.stream(rawQuery.split("&", -1))
                .map(parameter -> {
                    int equals = parameter.indexOf('=');
                    return (equals < 0 ? parameter : parameter.substring(0, equals)) + "=" + HIDDEN;
                })
                .collect(Collectors.joining("&"));
    }
}
