package io.clusteragent.kubestate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus gets OpenMetrics when it asks for it first, the 0.0.4 text format otherwise. */
class ExpositionFormatTest {

    @Test
    void prometheusDefaultAcceptHeaderGetsOpenMetrics() {
        assertThat(ExpositionFormat.negotiate("application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
                        + "application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;q=0.4,"
                        + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2"))
                .isEqualTo(ExpositionFormat.OPENMETRICS);
    }

    @Test
    void textWinsWhenPreferredOrWhenNothingUsableIsAsked() {
        assertThat(ExpositionFormat.negotiate("text/plain;q=1, application/openmetrics-text;q=0.1"))
                .isEqualTo(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.negotiate(
                        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily"))
                .isEqualTo(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.negotiate("application/openmetrics-text;q=0"))
                .isEqualTo(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.negotiate(null)).isEqualTo(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.negotiate("*/*")).isEqualTo(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.TEXT.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    }
}
