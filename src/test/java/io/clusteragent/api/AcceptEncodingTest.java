package io.clusteragent.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptEncodingTest {

    @ParameterizedTest(name = "[{0}] accepts gzip: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "gzip                         | true",
                "GZip                         | true",
                "x-gzip                       | true",
                "gzip, deflate, br            | true",
                "br;q=1.0, gzip;q=0.8, *;q=0.1 | true",
                "deflate , gzip ; q=0.5       | true",
                "*                            | true",
                "gzip;q=0                     | false",
                "gzip; q=0.000                | false",
                "*, gzip;q=0                  | false",
                "br, *;q=0                    | false",
                "identity                     | false",
                "br                           | false",
                "gzipped                      | false",
                "''                           | false",
            })
    void readsTheHeaderAsRfc9110Says(String header, boolean accepts) {
        assertThat(AcceptEncoding.acceptsGzip(header)).isEqualTo(accepts);
    }
}
