package io.clusteragent.api;

import io.clusteragent.config.AgentConfig;
import io.clusteragent.tls.CertificateReloader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.micrometer.backends.BackendRegistries;

import java.time.Clock;
import java.util.Optional;

/**
 * What the API verticle's instances, one per event loop, share at the edge: the count of requests in
 * flight across the agent, and the one watcher of the TLS files.
 */
public final class SharedEdge {

    final Admission admission;
    final Optional<CertificateReloader> tls;

    private SharedEdge(Admission admission, Optional<CertificateReloader> tls) {
        this.admission = admission;
        this.tls = tls;
    }

    public static SharedEdge create(Vertx vertx, AgentConfig config) {
        MeterRegistry registry =
                Optional.ofNullable(BackendRegistries.getDefaultNow()).orElseGet(SimpleMeterRegistry::new);
        return new SharedEdge(
                new Admission(config.limits().maxConcurrentRequests(), registry),
                config.tls().enabled()
                        ? Optional.of(new CertificateReloader(
                                vertx,
                                config.tls(),
                                Clock.systemUTC(),
                                registry,
                                config.readTimeout().toMillis()))
                        : Optional.empty());
    }
}
