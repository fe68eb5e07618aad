package io.clusteragent.analysis.describe;

import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;

import java.util.List;
import java.util.Locale;

/**
 * A probe as the one line {@code kubectl describe pod} prints (kubectl's DescribeProbe), e.g.
 * {@code http-get http://:8080/healthz delay=10s timeout=1s period=10s #success=1 #failure=3}.
 */
final class ProbeText {

    private ProbeText() {}

    static String of(Probe probe) {
        if (probe == null) {
            return null;
        }
        // The API server fills these defaults in; fill them too for objects that never went through it (fixtures,
        // dumps).
        String attributes = String.format(
                Locale.ROOT,
                "delay=%ds timeout=%ds period=%ds #success=%d #failure=%d",
                orDefault(probe.getInitialDelaySeconds(), 0),
                orDefault(probe.getTimeoutSeconds(), 1),
                orDefault(probe.getPeriodSeconds(), 10),
                orDefault(probe.getSuccessThreshold(), 1),
                orDefault(probe.getFailureThreshold(), 3));
        return action(probe) + " " + attributes;
    }

    private static String action(Probe probe) {
        if (probe.getExec() != null) {
            List<String> command = probe.getExec().getCommand();
            return "exec [" + String.join(" ", command == null ? List.of() : command) + "]";
        }
        if (probe.getHttpGet() != null) {
            return "http-get " + url(probe.getHttpGet());
        }
        if (probe.getTcpSocket() != null) {
            return "tcp-socket " + nullToEmpty(probe.getTcpSocket().getHost()) + ":"
                    + port(probe.getTcpSocket().getPort());
        }
        if (probe.getGrpc() != null) {
            return "grpc <pod>:" + probe.getGrpc().getPort() + " "
                    + nullToEmpty(probe.getGrpc().getService());
        }
        return "unknown";
    }

    /** As Go's url.URL.String() renders kubectl's URL: the host may be empty, giving {@code http://:8080/path}. */
    private static String url(HTTPGetAction get) {
        String scheme = get.getScheme() == null ? "http" : get.getScheme().toLowerCase(Locale.ROOT);
        String host = nullToEmpty(get.getHost());
        String port = port(get.getPort());
        String authority = port.isEmpty() ? host : joinHostPort(host, port);
        String path = nullToEmpty(get.getPath());
        if (!path.isEmpty() && !path.startsWith("/") && !authority.isEmpty()) {
            path = "/" + path;
        }
        return scheme + "://" + authority + path;
    }

    private static String joinHostPort(String host, String port) {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    private static String port(IntOrString port) {
        if (port == null) {
            return "";
        }
        return port.getIntVal() != null ? port.getIntVal().toString() : nullToEmpty(port.getStrVal());
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
