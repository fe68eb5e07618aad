package io.clusteragent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTPS: where the serving certificate, its key and the CAs of client certificates are read from, and
 * how often they are read again.
 *
 * @param certFile       PEM certificate chain, leaf first; empty serves plain HTTP
 * @param keyFile        PEM private key of the leaf; present exactly when {@code certFile} is
 * @param clientCaFile   PEM CAs that client certificates are verified against; empty asks for none
 * @param reloadInterval how often the files are read for a rotated certificate
 */
public record TlsSettings(
        Optional<Path> certFile, Optional<Path> keyFile, Optional<Path> clientCaFile, Duration reloadInterval) {

    public boolean enabled() {
        return certFile.isPresent();
    }

    /**
     * The files must exist only when the server starts: a Secret volume may be mounted after the
     * configuration was checked, and a missing file then stops start-up with the same kind of message.
     */
    static TlsSettings read(SettingValues values) {
        Optional<Path> cert = values.text(Setting.TLS_CERT_FILE).map(Path::of);
        Optional<Path> key = values.text(Setting.TLS_KEY_FILE).map(Path::of);
        Optional<Path> clientCa = values.text(Setting.TLS_CLIENT_CA_FILE).map(Path::of);
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException(Setting.TLS_CERT_FILE.env() + " and " + Setting.TLS_KEY_FILE.env()
                    + " go together: set both for HTTPS, or neither for HTTP");
        }
        if (clientCa.isPresent() && cert.isEmpty()) {
            throw new ConfigException(
                    Setting.TLS_CLIENT_CA_FILE.env() + " verifies client certificates over HTTPS; set "
                            + Setting.TLS_CERT_FILE.env() + " and " + Setting.TLS_KEY_FILE.env() + " too");
        }
        return new TlsSettings(cert, key, clientCa, values.duration(Setting.TLS_RELOAD_INTERVAL));
    }

    @Override
    public String toString() {
        return certFile.map(path -> "cert=" + path + " key=" + keyFile.orElseThrow()
                        + clientCaFile.map(ca -> " clientCa=" + ca).orElse("")
                        + " reloadInterval=" + reloadInterval.toMillis() + "ms")
                .orElse("off");
    }
}
