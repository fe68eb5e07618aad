package io.clusteragent.kubestate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Sample values exactly as kube-state-metrics writes them ({@code pkg/metric/metric.go} {@code writeFloat}):
 * {@code 1}, {@code 0}, {@code -1}, {@code NaN}, {@code +Inf}, {@code -Inf} literally, anything else as Go's
 * {@code strconv.AppendFloat(f, 'g', -1, 64)}: the shortest digits that read back as the same double, written
 * in exponent form ({@code 1.5e+09}, {@code 1e-05}) when the decimal exponent is below -4 or at least 6
 * ({@code strconv/ftoa.go} {@code formatDigits}: in shortest mode the %e/%f cut-off is precision 6), plain
 * ({@code 100000}, {@code 0.25}) otherwise. Java's own {@code Double.toString} differs in form and, before
 * JDK 19, is not always shortest, so the digits are found with exact decimal arithmetic.
 */
public final class GoFloat {

    /** Integers below 2^53 are exact doubles whose shortest digits are their own, without trailing zeros. */
    private static final double EXACT_INTEGERS = 0x1p53;

    private GoFloat() {}

    public static String format(double value) {
        if (value == 1) {
            return "1";
        } else if (value == 0) {
            return "0";
        } else if (value == -1) {
            return "-1";
        } else if (Double.isNaN(value)) {
            return "NaN";
        } else if (value == Double.POSITIVE_INFINITY) {
            return "+Inf";
        } else if (value == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        if (Math.abs(value) < EXACT_INTEGERS && value == Math.rint(value)) {
            return integer((long) value);
        }
        return layout(value < 0, shortestRoundTrip(value).abs().stripTrailingZeros());
    }

    public static byte[] bytes(double value) {
        return format(value).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The fewest significant digits that parse back to {@code value}; among candidates of that length the one
     * nearest the exact binary value, as Go's Ryu-based shortest mode chooses.
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest;
            }
            // Next to a power of two the gap below is half the gap above, so the nearest candidate can miss
            // while the one on the other side still reads back.
            RoundingMode otherSide = nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
            BigDecimal other = exact.round(new MathContext(digits, otherSide));
            if (other.doubleValue() == value) {
                return other;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /**
     * An exact integer's shortest digits are its own without trailing zeros: {@link #layout} without
     * {@code BigDecimal}, since byte and count values, most of what container metrics write, are integers.
     */
    private static String integer(long value) {
        String digits = Long.toString(Math.abs(value));
        int significant = digits.length();
        while (significant > 1 && digits.charAt(significant - 1) == '0') {
            significant--;
        }
        int exponent = digits.length() - 1;
        if (exponent < 6) {
            return value < 0 ? "-" + digits : digits;
        }
        StringBuilder out = new StringBuilder(significant + 6);
        if (value < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (significant > 1) {
            out.append('.').append(digits, 1, significant);
        }
        out.append("e+");
        if (exponent < 10) {
            out.append('0');
        }
        return out.append(exponent).toString();
    }

    /** {@code strconv/ftoa.go} {@code formatDigits} for 'g' in shortest mode, then {@code fmtE} or {@code fmtF}. */
    private static String layout(boolean negative, BigDecimal magnitude) {
        String digits = magnitude.unscaledValue().toString();
        int count = digits.length();
        int point = count - magnitude.scale(); // value = 0.digits x 10^point
        int exponent = point - 1;
        StringBuilder out = new StringBuilder(count + 8);
        if (negative) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= 6) {
            out.append(digits.charAt(0));
            if (count > 1) {
                out.append('.').append(digits, 1, count);
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                out.append('0');
            }
            return out.append(abs).toString();
        }
        if (point <= 0) {
            out.append("0.");
            out.append("0".repeat(-point));
            return out.append(digits).toString();
        }
        if (point >= count) {
            out.append(digits);
            return out.append("0".repeat(point - count)).toString();
        }
        return out.append(digits, 0, point)
                .append('.')
                .append(digits, point, count)
                .toString();
    }
}
