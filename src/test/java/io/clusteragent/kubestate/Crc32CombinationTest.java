package io.clusteragent.kubestate;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class Crc32CombinationTest {

    @Test
    void theCombinedCrcIsTheCrcOfBothTextsOneAfterTheOther() {
        Random random = new Random(7);
        for (long length : new long[] {0, 1, 7, 255, 4096, 100_003, 1 << 21}) {
            byte[] first = new byte[random.nextInt(5000)];
            byte[] second = new byte[(int) length];
            random.nextBytes(first);
            random.nextBytes(second);

            CRC32 both = new CRC32();
            both.update(first);
            both.update(second);

            assertThat(Crc32Combination.combine(crc(first), crc(second), length))
                    .as("second text of %d bytes", length)
                    .isEqualTo((int) both.getValue());
        }
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
