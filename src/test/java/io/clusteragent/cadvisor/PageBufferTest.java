package io.clusteragent.cadvisor;

import io.clusteragent.kubestate.GoFloat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The page writes every sample value exactly as kubelet's Go client does ({@link GoFloat} is the reference). */
class PageBufferTest {

    @ParameterizedTest
    @ValueSource(
            doubles = {
                0,
                -0.0,
                1,
                -1,
                2,
                10,
                100000,
                999999,
                1000000,
                1234567,
                52428800,
                1.073741824e9,
                9007199254740991.0,
                9007199254740992.0,
                1e21,
                0.5,
                0.25,
                0.1,
                0.002,
                0.0001,
                0.00001,
                1.5e-5,
                123.456789,
                23.456789,
                1.25,
                3.141592653589793,
                1e-300,
                4.9e-324,
                1.7976931348623157e308,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                -123.456,
                1234567.891,
                0.3333333333333333
            })
    void writesTheValuesAsGoDoes(double value) {
        assertThat(written(value)).isEqualTo(GoFloat.format(value));
    }

    @Test
    void writesSecondsFromMicrosAndNanosAndAnyDoubleAsGoDoes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 5) {
                case 0 -> Units.nanosToSeconds(random.nextLong(1L << 62));
                case 1 -> Units.nanosToSeconds(random.nextLong(1_000_000_000_000L) * 1000);
                case 2 -> random.nextLong(1_000_000_000_000L) / 1e6;
                case 3 -> Double.longBitsToDouble(random.nextLong());
                default -> random.nextLong(1L << 60) * (random.nextBoolean() ? 1 : -1);
            };
            assertThat(written(value)).as("%s", value).isEqualTo(GoFloat.format(value));
        }
    }

    private static String written(double value) {
        PageBuffer page = new PageBuffer();
        page.writeValue(value);
        return new String(page.toByteArray(), StandardCharsets.US_ASCII);
    }
}
