package io.clusteragent.cadvisor;

import io.clusteragent.kubestate.GoFloat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a page as it is written, kept from one rendering to the next so that a page of several megabytes
 * is not grown from nothing each time. Sample values are written as {@link GoFloat} writes them, without its exact
 * decimal arithmetic for the values container metrics are mostly made of: integers (bytes, counts) and short
 * decimals (seconds counted in micro- or nanoseconds).
 */
final class PageBuffer {

    private static final double EXACT_INTEGERS = 0x1p53;

    /**
     * Up to 15 significant digits, two decimals never read back as the same double ({@code DBL_DIG}): one that
     * reads back as the value is its shortest form, the one Go's shortest formatting finds.
     */
    private static final long FIFTEEN_DIGITS = 1_000_000_000_000_000L;

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private byte[] bytes = new byte[1 << 16];
    private int size;
    private final byte[] digits = new byte[20];

    void clear() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void write(byte[] part) {
        ensure(part.length);
        System.arraycopy(part, 0, bytes, size, part.length);
        size += part.length;
    }

    void write(char ascii) {
        ensure(1);
        bytes[size++] = (byte) ascii;
    }

    void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code value} as {@link GoFloat#format} writes it. */
    void writeValue(double value) {
        if (Math.abs(value) < EXACT_INTEGERS && value == Math.rint(value)) {
            long integer = (long) value;
            writeDecimal(integer < 0, Math.abs(integer), 0);
            return;
        }
        if (!Double.isNaN(value) && !Double.isInfinite(value)) {
            for (int scale = 1; scale < POWERS_OF_TEN.length; scale++) {
                long unscaled = Math.round(value * POWERS_OF_TEN[scale]);
                if (Math.abs(unscaled) < FIFTEEN_DIGITS && unscaled / POWERS_OF_TEN[scale] == value) {
                    writeDecimal(unscaled < 0, Math.abs(unscaled), scale);
                    return;
                }
            }
        }
        write(GoFloat.format(value));
    }

    /**
     * {@code unscaled * 10^-scale} laid out as Go's {@code strconv.AppendFloat(v, 'g', -1, 64)} does
     * ({@code formatDigits}): exponent form below 1e-4 and from 1e6 up, plain otherwise.
     */
    private void writeDecimal(boolean negative, long unscaled, int scale) {
        if (unscaled == 0) {
            write('0');
            return;
        }
        while (unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        int count = 0;
        for (long rest = unscaled; rest > 0; rest /= 10) {
            digits[digits.length - ++count] = (byte) ('0' + rest % 10);
        }
        int first = digits.length - count;
        int point = count - scale; // value = 0.digits x 10^point
        int exponent = point - 1;
        ensure(count + 32);
        if (negative) {
            bytes[size++] = '-';
        }
        if (exponent < -4 || exponent >= 6) {
            bytes[size++] = digits[first];
            if (count > 1) {
                bytes[size++] = '.';
                append(first + 1, count - 1);
            }
            bytes[size++] = 'e';
            bytes[size++] = (byte) (exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                bytes[size++] = '0';
            }
            write(Integer.toString(abs));
        } else if (point <= 0) {
            bytes[size++] = '0';
            bytes[size++] = '.';
            for (int i = 0; i < -point; i++) {
                bytes[size++] = '0';
            }
            append(first, count);
        } else if (point >= count) {
            append(first, count);
            for (int i = count; i < point; i++) {
                bytes[size++] = '0';
            }
        } else {
            append(first, point);
            bytes[size++] = '.';
            append(first + point, count - point);
        }
    }

    private void append(int from, int length) {
        System.arraycopy(digits, from, bytes, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
