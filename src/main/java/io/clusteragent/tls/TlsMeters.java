package io.clusteragent.tls;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicLong;

/** What an operator alerts on: rotations that were refused, and when the served certificate expires. */
final class TlsMeters {

    private final Counter reloads;
    private final Counter failures;
    private final AtomicLong notAfterSeconds = new AtomicLong();

    TlsMeters(MeterRegistry registry) {
        reloads = Counter.builder("cluster_agent_tls_reloads")
                .description("Rotated TLS certificates, keys or client CAs the server switched to")
                .register(registry);
        failures = Counter.builder("cluster_agent_tls_reload_failures")
                .description("Changed TLS files that were refused (the previous certificate is still served)")
                .register(registry);
        Gauge.builder("cluster_agent_tls_certificate_not_after_seconds", notAfterSeconds, AtomicLong::doubleValue)
                .description("Expiry of the served certificate, in seconds since the epoch")
                .register(registry);
    }

    void served(ServingCertificate certificate) {
        notAfterSeconds.set(certificate.leaf().getNotAfter().toInstant().getEpochSecond());
    }

    void reloaded(ServingCertificate certificate) {
        served(certificate);
        reloads.increment();
    }

    void refused() {
        failures.increment();
    }
}
