package io.clusteragent.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class Rfc3339Test {

    @ParameterizedTest
    @CsvSource({
        "2024-05-01T10:20:00Z,            2024-05-01T10:20:00Z",
        "2024-05-01T10:20:00.123456Z,     2024-05-01T10:20:00.123456Z",
        "2024-05-01T10:20:00.5Z,          2024-05-01T10:20:00.500Z",
        "1999-12-31T23:59:59.999999999Z,  1999-12-31T23:59:59.999999999Z",
        "2024-02-29T00:00:00Z,            2024-02-29T00:00:00Z",
        "2024-05-01T12:20:00+02:00,       2024-05-01T10:20:00Z",
    })
    void parsesWhatKubernetesWritesToTheSameInstantAsTheJdk(String text, String expected) {
        assertThat(Rfc3339.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "yesterday",
                "2023-02-29T00:00:00Z",
                "2024-13-01T00:00:00Z",
                "2024-05-01T10:2a:00Z",
                "2024-05-01 10:20:00"
            })
    void unparseableTextIsNull(String text) {
        assertThat(Rfc3339.parse(text)).isNull();
    }
}
