package io.clusteragent.analysis.describe;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeTextTest {

    @Test
    void httpGetWithoutHostPrintsAnEmptyHostAsKubectlDoes() {
        Probe probe = new ProbeBuilder()
                .withNewHttpGet()
                .withPath("/healthz")
                .withPort(new IntOrString(8080))
                .withScheme("HTTP")
                .endHttpGet()
                .withInitialDelaySeconds(10)
                .withTimeoutSeconds(1)
                .withPeriodSeconds(10)
                .withSuccessThreshold(1)
                .withFailureThreshold(3)
                .build();

        assertThat(ProbeText.of(probe))
                .isEqualTo("http-get http://:8080/healthz delay=10s timeout=1s period=10s #success=1 #failure=3");
    }

    @Test
    void unsetTimingsTakeTheApiServerDefaults() {
        Probe probe = new ProbeBuilder()
                .withNewHttpGet()
                .withPath("/ready")
                .withPort(new IntOrString("http"))
                .withScheme("HTTPS")
                .withHost("10.0.0.1")
                .endHttpGet()
                .build();

        assertThat(ProbeText.of(probe))
                .isEqualTo("http-get https://10.0.0.1:http/ready delay=0s timeout=1s period=10s #success=1 #failure=3");
    }

    @Test
    void execTcpAndGrpcProbes() {
        assertThat(ProbeText.of(new ProbeBuilder()
                        .withNewExec()
                        .withCommand("pg_isready", "-U", "postgres")
                        .endExec()
                        .withPeriodSeconds(5)
                        .build()))
                .isEqualTo("exec [pg_isready -U postgres] delay=0s timeout=1s period=5s #success=1 #failure=3");
        assertThat(ProbeText.of(new ProbeBuilder()
                        .withNewTcpSocket()
                        .withPort(new IntOrString(5432))
                        .endTcpSocket()
                        .withFailureThreshold(6)
                        .build()))
                .isEqualTo("tcp-socket :5432 delay=0s timeout=1s period=10s #success=1 #failure=6");
        assertThat(ProbeText.of(new ProbeBuilder()
                        .withNewGrpc()
                        .withPort(9090)
                        .withService("health")
                        .endGrpc()
                        .build()))
                .isEqualTo("grpc <pod>:9090 health delay=0s timeout=1s period=10s #success=1 #failure=3");
    }

    @Test
    void ipv6HostIsBracketed() {
        Probe probe = new ProbeBuilder()
                .withNewHttpGet()
                .withHost("fd00::1")
                .withPort(new IntOrString(80))
                .endHttpGet()
                .build();

        assertThat(ProbeText.of(probe)).startsWith("http-get http://[fd00::1]:80 ");
    }

    @Test
    void absentProbeIsNull() {
        assertThat(ProbeText.of(null)).isNull();
    }
}
