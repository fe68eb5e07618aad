package io.clusteragent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How incidents leave the agent.
 *
 * @param url                the Agent Service's {@code /events} endpoint; empty means the console sink
 * @param eventTimeout       how long one POST may take; the service answers after its investigation
 * @param publishConcurrency requests in flight at once, across fingerprints
 * @param spoolDir           where queued incidents survive a restart
 * @param spoolMaxEntries    queued incidents kept before the oldest are dropped
 * @param retryBase          first retry delay ceiling; doubled per retry, with full jitter
 * @param retryCap           largest retry delay ceiling
 */
public record PublishSettings(
        Optional<URI> url,
        Duration eventTimeout,
        int publishConcurrency,
        Path spoolDir,
        int spoolMaxEntries,
        Duration retryBase,
        Duration retryCap) {

    public PublishSettings {
        Objects.requireNonNull(url, "url");
        url.ifPresent(PublishSettings::requireHttp);
        requirePositive(eventTimeout, "eventTimeout");
        requirePositive(retryBase, "retryBase");
        requirePositive(retryCap, "retryCap");
        Objects.requireNonNull(spoolDir, "spoolDir");
        if (publishConcurrency < 1 || spoolMaxEntries < 1) {
            throw new IllegalArgumentException("publishConcurrency and spoolMaxEntries must be at least 1");
        }
    }

    public static PublishSettings defaults() {
        return new PublishSettings(
                Optional.empty(),
                Duration.ofSeconds(180),
                4,
                Path.of(System.getProperty("java.io.tmpdir"), "cluster-agent", "spool"),
                10_000,
                Duration.ofSeconds(1),
                Duration.ofMinutes(5));
    }

    private static void requireHttp(URI url) {
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
