package io.clusteragent.tls;

import io.clusteragent.config.TlsSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Serves the certificate the TLS files hold now, without a restart and without closing a connection:
 * every {@code TLS_RELOAD_INTERVAL} the files are read on a worker thread, and when their contents
 * changed (cert-manager renewed them, or the kubelet swapped a Secret volume's {@code ..data} link)
 * the new pair is validated, then given to the server, whose next handshakes use it. A pair that
 * cannot be served is logged and counted once, and the previous one stays.
 * <p>
 * One reloader serves every instance of the API verticle: the instances share one listening server,
 * and an update given to any of them reaches all of them.
 */
public final class CertificateReloader {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final Vertx vertx;
    private final TlsSettings settings;
    private final Clock clock;
    private final TlsMeters meters;
    private final long handshakeMillis;
    private Future<ServingCertificate> initial;
    private volatile ServingCertificate serving;
    /** What was last refused (the digest of the files, or why they could not be read), so it is reported once. */
    private String refused;

    private HttpServer server;
    private long timer = -1;
    private boolean polling;

    /** @param handshakeMillis how long a TLS handshake may take before the connection is closed */
    public CertificateReloader(
            Vertx vertx, TlsSettings settings, Clock clock, MeterRegistry registry, long handshakeMillis) {
        this.vertx = vertx;
        this.settings = settings;
        this.clock = clock;
        this.meters = new TlsMeters(registry);
        this.handshakeMillis = handshakeMillis;
    }

    /**
     * Makes {@code options} HTTPS with the certificate the files hold; read once, whichever instance asks
     * first. Fails, and so stops start-up, when the files cannot be read or do not make a usable pair.
     */
    public Future<HttpServerOptions> secure(HttpServerOptions options) {
        return initial().map(certificate -> {
            TlsServerOptions.apply(options, certificate, handshakeMillis);
            return options;
        });
    }

    private synchronized Future<ServingCertificate> initial() {
        if (initial == null) {
            initial = vertx.executeBlocking(
                            () -> ServingCertificate.validate(vertx, TlsFiles.read(settings), clock.instant()))
                    .recover(failure -> Future.failedFuture(new IllegalStateException(
                            "cannot serve HTTPS with " + settings + ": " + failure.getMessage(), failure)))
                    .onSuccess(certificate -> {
                        serving = certificate;
                        meters.served(certificate);
                        LOG.info("serving HTTPS with {}", certificate.describe());
                    });
        }
        return initial;
    }

    /**
     * Starts watching the files for {@code server}, on the caller's context; a later call for another
     * instance of the same listening server does nothing.
     */
    public synchronized void watch(HttpServer server) {
        if (this.server != null) {
            return;
        }
        this.server = server;
        timer = vertx.setPeriodic(settings.reloadInterval().toMillis(), id -> poll());
    }

    public synchronized void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** On the watching context; a read that outlasts the interval is not overlapped by the next. */
    private void poll() {
        if (polling) {
            return;
        }
        polling = true;
        vertx.executeBlocking(() -> TlsFiles.read(settings), false)
                .compose(this::switchIfChanged)
                .onFailure(failure ->
                        refuse(failure.getMessage(), "the TLS files cannot be read: " + failure.getMessage()))
                .onComplete(done -> polling = false);
    }

    private Future<Void> switchIfChanged(TlsFiles files) {
        if (files.digest().equals(serving.files().digest()) || files.digest().equals(refused)) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> ServingCertificate.validate(vertx, files, clock.instant()), false)
                .compose(
                        certificate -> server.updateSSLOptions(
                                        TlsServerOptions.sslOptions(certificate, handshakeMillis), true)
                                .onSuccess(updated -> switched(certificate))
                                .onFailure(failure ->
                                        refuse(files.digest(), "the server refused it: " + failure.getMessage())),
                        failure -> {
                            refuse(files.digest(), failure.getMessage());
                            return Future.succeededFuture();
                        })
                .<Void>mapEmpty()
                .recover(refused -> Future.succeededFuture());
    }

    private void switched(ServingCertificate certificate) {
        ServingCertificate previous = serving;
        serving = certificate;
        refused = null;
        meters.reloaded(certificate);
        LOG.info(
                "TLS files changed: now serving {} (was serial={})",
                certificate.describe(),
                previous.leaf().getSerialNumber().toString(16));
    }

    private void refuse(String what, String reason) {
        if (what.equals(refused)) {
            return;
        }
        refused = what;
        meters.refused();
        LOG.warn(
                "TLS files changed but cannot be served, still serving serial={}: {}",
                serving.leaf().getSerialNumber().toString(16),
                reason);
    }
}
