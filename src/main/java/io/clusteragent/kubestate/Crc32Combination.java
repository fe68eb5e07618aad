package io.clusteragent.kubestate;

/**
 * The CRC-32 of two texts one after the other from the CRC-32 of each and the length of the second, as zlib's
 * {@code crc32_combine} computes it (1.2.12 and later): a gzip scrape made of kept deflated pieces gets its
 * trailer without reading the text again. Multiplying by {@code x^(8 * length)} modulo the CRC polynomial shifts
 * the first CRC past the second text.
 */
final class Crc32Combination {

    /** The reflected CRC-32 polynomial. */
    private static final int POLY = 0xedb88320;
    /** {@code X2N[k]} is {@code x^(2^k)} modulo the polynomial. */
    private static final int[] X2N = powersOfTwo();

    private Crc32Combination() {}

    static int combine(int first, int second, long secondLength) {
        return combineShifted(first, second, shift(secondLength));
    }

    /** As {@link #combine(int, int, long)} with the {@link #shift} of the second text's length, kept with it. */
    static int combineShifted(int first, int second, int shift) {
        return multiply(shift, first) ^ second;
    }

    /** {@code x^(8n)} modulo the polynomial: what moves a CRC past {@code n} bytes. */
    static int shift(long n) {
        int p = 1 << 31; // x^0
        int k = 3;
        while (n != 0) {
            if ((n & 1) != 0) {
                p = multiply(X2N[k & 31], p);
            }
            n >>>= 1;
            k++;
        }
        return p;
    }

    /** {@code a * b} modulo the polynomial, bits reflected as in the CRC. */
    private static int multiply(int a, int b) {
        if (a == 0) {
            return 0;
        }
        int m = 1 << 31;
        int p = 0;
        while (true) {
            if ((a & m) != 0) {
                p ^= b;
                if ((a & (m - 1)) == 0) {
                    return p;
                }
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
    }

    private static int[] powersOfTwo() {
        int[] table = new int[32];
        int p = 1 << 30; // x^1
        table[0] = p;
        for (int n = 1; n < 32; n++) {
            p = multiply(p, p);
            table[n] = p;
        }
        return table;
    }
}
