package io.clusteragent.analysis.utilization;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares of a node's allocatable amount, rounded half-up to one decimal. */
final class Percentages {

    private Percentages() {}

    /** @return null when there is nothing to divide by: a node offering none of a resource has no meaningful share */
    static Double of(long amount, long allocatable) {
        if (allocatable <= 0) {
            return null;
        }
        return BigDecimal.valueOf(amount)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(allocatable), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
