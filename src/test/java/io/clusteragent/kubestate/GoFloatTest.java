package io.clusteragent.kubestate;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Sample values must read exactly as kube-state-metrics writes them (Go's {@code strconv.AppendFloat(f, 'g', -1, 64)}). */
class GoFloatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // kube-state-metrics' literal cases
                "1|1",
                "0|0",
                "-0.0|0",
                "-1|-1",
                "NaN|NaN",
                "Infinity|+Inf",
                "-Infinity|-Inf",
                // values from kube-state-metrics' tests and typical families
                "0.2|0.2",
                "0.25|0.25",
                "137|137",
                "100|100",
                "1.5e9|1.5e+09",
                "3e8|3e+08",
                "1709287200|1.7092872e+09",
                "123456789|1.23456789e+08",
                "1234567890|1.23456789e+09",
                "1e21|1e+21",
                "1e23|1e+23",
                "1e100|1e+100",
                "8.41e21|8.41e+21",
                "2.82879384806159e17|2.82879384806159e+17",
                "9007199254740992|9.007199254740992e+15",
                "1.7976931348623157e308|1.7976931348623157e+308",
                // the %e/%f cut-off: exponent below -4 or at least 6 (precision 6 in shortest mode)
                "999999|999999",
                "100000|100000",
                "1000000|1e+06",
                "1048576|1.048576e+06",
                // integers below 2^53 take their own digits; negative ones and the largest too
                "-52428800|-5.24288e+07",
                "-120000|-120000",
                "9007199254740991|9.007199254740991e+15",
                "1.073741824e9|1.073741824e+09",
                "123456.789|123456.789",
                "12345678.9|1.23456789e+07",
                "0.0001|0.0001",
                "0.000123|0.000123",
                "0.00011|0.00011",
                "0.00001|1e-05",
                "5e-5|5e-05",
                "1e-06|1e-06",
                "1.25e-100|1.25e-100",
                "4.9e-324|5e-324",
                "2.2250738585072014e-308|2.2250738585072014e-308",
                // shortest digits, not Java's
                "0.1|0.1",
                "0.30000000000000004|0.30000000000000004",
                "0.3333333333333333|0.3333333333333333",
                "-2.5|-2.5",
                "1.5|1.5",
                "4.35|4.35",
                "-1234567|-1.234567e+06",
                "2|2",
                "-0.5|-0.5",
                "536870912|5.36870912e+08",
                "5e-324|5e-324"
            })
    void writesAsGoDoes(String input, String expected) {
        assertThat(GoFloat.format(Double.parseDouble(input))).isEqualTo(expected);
    }

    @RepeatedTest(5)
    void randomDoublesReadBackExactlyWithNoMoreDigitsThanNeeded() {
        SplittableRandom random = new SplittableRandom();
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String written = GoFloat.format(value);
            assertThat(Double.parseDouble(written)).as(written).isEqualTo(value == 0 ? 0.0 : value);
            int digits = new BigDecimal(written).stripTrailingZeros().precision();
            assertThat(digits).as("digits of " + written).isLessThanOrEqualTo(shortestDigits(value));
        }
    }

    /** The fewest significant digits that read back as the value, found by brute force. */
    private static int shortestDigits(double value) {
        for (int digits = 1; digits <= 17; digits++) {
            if (Double.parseDouble(String.format("%." + (digits - 1) + "e", value)) == value) {
                return digits;
            }
        }
        return 17;
    }
}
